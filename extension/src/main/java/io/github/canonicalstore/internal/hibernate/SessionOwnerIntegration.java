package io.github.canonicalstore.internal.hibernate;

import org.hibernate.engine.extension.spi.ExtensionIntegration;
import org.hibernate.engine.extension.spi.ExtensionIntegrationContext;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.jspecify.annotations.Nullable;

/**
 * Gives every session of a factory with a store its {@link SessionOwner}. Discovered by Hibernate through
 * {@code META-INF/services/org.hibernate.engine.extension.spi.ExtensionIntegration}. Stateless and thread-safe.
 */
public final class SessionOwnerIntegration implements ExtensionIntegration<SessionOwner> {

    /** Called by {@link java.util.ServiceLoader}. */
    public SessionOwnerIntegration() {
    }

    @Override
    public Class<SessionOwner> getExtensionType() {
        return SessionOwner.class;
    }

    @Override
    @SuppressWarnings("NullableProblems") // Hibernate stores a null extension for factories without a store
    public @Nullable SessionOwner createExtension(ExtensionIntegrationContext context) {
        SharedSessionContractImplementor session = context.getSession();
        HibernateCanonicalStore store =
                session.getFactory().getServiceRegistry().getService(HibernateCanonicalStore.class);
        return store == null ? null : new SessionOwner(store, session);
    }
}
