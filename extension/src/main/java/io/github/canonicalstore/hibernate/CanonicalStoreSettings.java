package io.github.canonicalstore.hibernate;

/**
 * The configuration properties of the canonical store, all under the prefix {@value #PREFIX}.
 *
 * <p>Set them where Hibernate reads its settings: {@code <properties>} of {@code persistence.xml},
 * {@code hibernate.properties}, or the properties map given to the bootstrap. Values are read once, when the
 * SessionFactory is built; a value that is not accepted fails the build with a message naming the setting and the
 * value.
 *
 * @since 0.1.0
 */
public final class CanonicalStoreSettings {

    /** The prefix of every setting: {@value}. */
    public static final String PREFIX = "hibernate.canonical_store.";

    /**
     * Whether the SessionFactory has a canonical store: {@code true} or {@code false} (case-insensitive; a
     * {@link Boolean} in a properties map works too). Default {@code false}: with the jar on the class path but
     * this setting absent, Hibernate behaves exactly as without the jar.
     */
    public static final String ENABLED = PREFIX + "enabled";

    /**
     * Entities that have no canonical instance and load as in plain Hibernate: a comma-separated list of entity
     * names (the JPA name, such as {@code Track}, or the fully qualified class name). Excluding an entity
     * excludes its entity subclasses too. Default: empty. A name that matches no entity fails the build. The
     * annotation {@link io.github.canonicalstore.NonCanonical} does the same per class.
     */
    public static final String EXCLUDE = PREFIX + "exclude";

    /**
     * What a load does when the canonical instance of its row is managed by another open session:
     * {@code isolate} (default) hands out a private instance and counts an isolation; {@code fail} throws
     * {@link io.github.canonicalstore.CanonicalConflictException} naming the key. Case-insensitive.
     */
    public static final String CONFLICT = PREFIX + "conflict";

    /**
     * Which client each session works for (SEMANTICS rule 12): the fully qualified name of a class implementing
     * {@link io.github.canonicalstore.CanonicalScopeResolver} with a public no-argument constructor, or an
     * instance of one in the properties map given to the bootstrap. Default: none, every session works in the
     * factory scope. A name that is not such a class fails the build.
     *
     * @since 0.1.0
     */
    public static final String SCOPE_RESOLVER = PREFIX + "scope_resolver";

    /**
     * How a load tells that the row of a versioned canonical instance is unchanged: {@code version} (default) when
     * the row's {@code @Version} equals the instance's; such a row is not hydrated, only its id and version columns
     * are read (Hibernate 7.4; on 7.2 and 7.3 every row is compared). {@code compare} hydrates every row and compares
     * all its values with the instance's state. Choose {@code compare} if rows are changed without incrementing their
     * version (native SQL, HQL {@code update} without {@code versioned}, another application), and loads must
     * still bring those changes into canonical instances. Case-insensitive.
     *
     * @since 0.1.0
     */
    public static final String UNCHANGED_ROWS = PREFIX + "unchanged_rows";

    private CanonicalStoreSettings() {
    }
}
