package io.github.canonicalstore.internal.hibernate;

import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.service.spi.SessionFactoryServiceContributor;
import org.hibernate.service.spi.SessionFactoryServiceInitiator;
import org.hibernate.service.spi.SessionFactoryServiceInitiatorContext;
import org.hibernate.service.spi.SessionFactoryServiceRegistryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Gives every SessionFactory built with {@code hibernate.canonical_store.enabled=true} its own
 * {@link HibernateCanonicalStore}, as a SessionFactory-scoped service that lives and dies with the factory.
 * Discovered through {@code META-INF/services/org.hibernate.service.spi.SessionFactoryServiceContributor}.
 * Stateless and thread-safe.
 */
public final class CanonicalStoreServiceContributor implements SessionFactoryServiceContributor {

    /** Called by {@link java.util.ServiceLoader}. */
    public CanonicalStoreServiceContributor() {
    }

    @Override
    public void contribute(SessionFactoryServiceRegistryBuilder serviceRegistryBuilder) {
        serviceRegistryBuilder.addInitiator(new StoreInitiator());
    }

    private static final class StoreInitiator implements SessionFactoryServiceInitiator<HibernateCanonicalStore> {
        @Override
        public Class<HibernateCanonicalStore> getServiceInitiated() {
            return HibernateCanonicalStore.class;
        }

        @Override
        @SuppressWarnings("NullableProblems") // no service when the store is disabled
        public @Nullable HibernateCanonicalStore initiateService(SessionFactoryServiceInitiatorContext context) {
            StoreSettings settings = StoreSettings.parse(
                    context.getServiceRegistry().requireService(ConfigurationService.class).getSettings());
            return settings.enabled() ? new HibernateCanonicalStore(context.getSessionFactory(), settings) : null;
        }
    }
}
