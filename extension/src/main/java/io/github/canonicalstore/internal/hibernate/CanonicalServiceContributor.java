package io.github.canonicalstore.internal.hibernate;

import java.util.Map;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.persister.internal.PersisterClassResolverInitiator;
import org.hibernate.persister.spi.PersisterClassResolver;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;

/**
 * Installs the store's persister classes when {@code hibernate.canonical_store.enabled} is true, on top of
 * whatever {@code PersisterClassResolver} Hibernate would otherwise use (its standard one, or the one named by
 * {@code hibernate.persister.resolver}). Discovered through
 * {@code META-INF/services/org.hibernate.service.spi.ServiceContributor}. Stateless and thread-safe.
 */
public final class CanonicalServiceContributor implements ServiceContributor {

    /** Called by {@link java.util.ServiceLoader}. */
    public CanonicalServiceContributor() {
    }

    @Override
    public void contribute(StandardServiceRegistryBuilder serviceRegistryBuilder) {
        serviceRegistryBuilder.addInitiator(new ResolverInitiator());
    }

    private static final class ResolverInitiator implements StandardServiceInitiator<PersisterClassResolver> {
        @Override
        public Class<PersisterClassResolver> getServiceInitiated() {
            return PersisterClassResolver.class;
        }

        @Override
        public PersisterClassResolver initiateService(
                Map<String, Object> configurationValues, ServiceRegistryImplementor registry) {
            PersisterClassResolver standard =
                    PersisterClassResolverInitiator.INSTANCE.initiateService(configurationValues, registry);
            return StoreSettings.isEnabled(configurationValues)
                    ? new CanonicalPersisterClassResolver(standard)
                    : standard;
        }
    }
}
