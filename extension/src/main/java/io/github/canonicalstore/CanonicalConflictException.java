package io.github.canonicalstore;

import jakarta.persistence.PersistenceException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a load, under {@code hibernate.canonical_store.conflict=fail}, when the canonical instance for the
 * loaded row is managed by another open session (SEMANTICS rule 3), instead of handing out a private instance.
 *
 * <p>Hibernate propagates it out of the load ({@code find}, a query, a lazy association); a JPA
 * {@code EntityManager} marks the current transaction for rollback, as for any {@link PersistenceException}.
 *
 * @since 0.1.0
 */
public class CanonicalConflictException extends PersistenceException {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable Object tenantId;
    /** The root entity name of the key; unlike the tenant identifier and the id, it is serialized. */
    private final String entityName;
    private final transient Object id;

    /**
     * Creates the exception.
     *
     * @param tenantId the tenant identifier of the session, or {@code null} without multi-tenancy
     * @param entityName the root entity name of the row
     * @param id the row's identifier
     * @param reason why the canonical instance could not be used
     */
    public CanonicalConflictException(@Nullable Object tenantId, String entityName, Object id, String reason) {
        super("canonical instance of " + entityName + "#" + id
                + (tenantId == null ? "" : " (tenant " + tenantId + ")") + " " + reason
                + "; hibernate.canonical_store.conflict=fail forbids a private instance");
        this.tenantId = tenantId;
        this.entityName = entityName;
        this.id = id;
    }

    /** {@return the tenant identifier of the key, or {@code null} without multi-tenancy} */
    public @Nullable Object tenantId() {
        return tenantId;
    }

    /** {@return the root entity name of the key} */
    public String entityName() {
        return entityName;
    }

    /** {@return the identifier of the key} */
    public Object id() {
        return id;
    }
}
