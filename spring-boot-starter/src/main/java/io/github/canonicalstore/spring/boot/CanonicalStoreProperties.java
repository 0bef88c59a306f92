package io.github.canonicalstore.spring.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code canonical-store.*} properties, which the starter maps onto the Hibernate settings
 * {@code hibernate.canonical_store.*} of every {@code EntityManagerFactory} that Spring Boot builds.
 *
 * <p>A plain JavaBean for Spring Boot's binder; not thread-safe while it is being bound, read-only afterwards.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = "canonical-store")
public class CanonicalStoreProperties {

    /**
     * Whether Hibernate keeps one canonical instance per database row, shared by the sessions of each
     * EntityManagerFactory (hibernate.canonical_store.enabled). When false, Hibernate behaves as without the starter.
     */
    private boolean enabled = false;

    /**
     * Entities that have no canonical instance and load as in plain Hibernate, with their subclasses: JPA entity
     * names or fully qualified class names (hibernate.canonical_store.exclude). A name that matches no entity fails
     * the start.
     */
    private List<String> exclude = new ArrayList<>();

    /**
     * What a load does when another open session owns the canonical instance of its row: hand out a private
     * instance (isolate), or throw CanonicalConflictException (fail) (hibernate.canonical_store.conflict).
     */
    private Conflict conflict = Conflict.ISOLATE;

    /**
     * Whose canonical instances a session shares: 'factory' (every session of the EntityManagerFactory),
     * 'http-session' (each HTTP session has its own; the starter registers the servlet filter that shows the request
     * to the resolver), or the fully qualified name of a class implementing
     * io.github.canonicalstore.CanonicalScopeResolver (hibernate.canonical_store.scope_resolver).
     */
    private String scope = "factory";

    /**
     * How a load tells that a versioned row is unchanged: 'version' (a row with the canonical instance's @Version is
     * not hydrated) or 'compare' (every row is hydrated and compared) (hibernate.canonical_store.unchanged_rows).
     */
    private UnchangedRows unchangedRows = UnchangedRows.VERSION;

    /**
     * Whether the store is on.
     *
     * @return the value of {@code canonical-store.enabled}, {@code false} by default
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Switches the store on or off.
     *
     * @param enabled the value of {@code canonical-store.enabled}
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * The excluded entities.
     *
     * @return the value of {@code canonical-store.exclude}, never {@code null}, empty by default
     */
    public List<String> getExclude() {
        return exclude;
    }

    /**
     * Sets the excluded entities.
     *
     * @param exclude entity names or class names
     * @throws NullPointerException if {@code exclude} is {@code null}
     */
    public void setExclude(List<String> exclude) {
        this.exclude = new ArrayList<>(exclude);
    }

    /**
     * What a load does when another open session owns the canonical instance.
     *
     * @return the value of {@code canonical-store.conflict}, {@link Conflict#ISOLATE} by default
     */
    public Conflict getConflict() {
        return conflict;
    }

    /**
     * Sets what a load does when another open session owns the canonical instance.
     *
     * @param conflict {@code isolate} or {@code fail}
     * @throws NullPointerException if {@code conflict} is {@code null}
     */
    public void setConflict(Conflict conflict) {
        this.conflict = Objects.requireNonNull(conflict, "conflict");
    }

    /**
     * The scope of canonical instances.
     *
     * @return the value of {@code canonical-store.scope}: {@code factory} (the default), {@code http-session}, or a
     *     class name; checked when the application starts
     */
    public String getScope() {
        return scope;
    }

    /**
     * Sets the scope of canonical instances.
     *
     * @param scope {@code factory}, {@code http-session}, or the name of a class implementing
     *     {@code io.github.canonicalstore.CanonicalScopeResolver}
     * @throws NullPointerException if {@code scope} is {@code null}
     */
    public void setScope(String scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * How a load tells that a versioned row is unchanged.
     *
     * @return the value of {@code canonical-store.unchanged-rows}, {@link UnchangedRows#VERSION} by default
     */
    public UnchangedRows getUnchangedRows() {
        return unchangedRows;
    }

    /**
     * Sets how a load tells that a versioned row is unchanged.
     *
     * @param unchangedRows {@code version} or {@code compare}
     * @throws NullPointerException if {@code unchangedRows} is {@code null}
     */
    public void setUnchangedRows(UnchangedRows unchangedRows) {
        this.unchangedRows = Objects.requireNonNull(unchangedRows, "unchangedRows");
    }

    /**
     * The values of {@code canonical-store.unchanged-rows}, those of {@code hibernate.canonical_store.unchanged_rows}.
     */
    public enum UnchangedRows {
        /** A row whose {@code @Version} is the canonical instance's is handed out without hydrating it (the default). */
        VERSION,
        /** Every row is hydrated and compared with the canonical instance's state. */
        COMPARE;

        /** @return the Hibernate setting's value: {@code version} or {@code compare} */
        String settingValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The values of {@code canonical-store.conflict}, those of {@code hibernate.canonical_store.conflict}. */
    public enum Conflict {
        /** A load hands out a private instance and counts an isolation (the default). */
        ISOLATE,
        /** A load throws {@code CanonicalConflictException}, which names the key. */
        FAIL;

        /** @return the Hibernate setting's value: {@code isolate} or {@code fail} */
        String settingValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
