package io.github.canonicalstore.internal.hibernate;

import java.util.Map;
import org.hibernate.Version;
import org.hibernate.boot.registry.StandardServiceInitiator;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.boot.registry.classloading.spi.ClassLoaderService;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.persister.internal.PersisterClassResolverInitiator;
import org.hibernate.persister.spi.PersisterClassResolver;
import org.hibernate.resource.transaction.internal.TransactionCoordinatorBuilderInitiator;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.hibernate.service.spi.ServiceContributor;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.service.spi.SessionFactoryServiceContributor;
import org.hibernate.service.spi.SessionFactoryServiceInitiator;
import org.hibernate.service.spi.SessionFactoryServiceInitiatorContext;
import org.hibernate.service.spi.SessionFactoryServiceRegistryBuilder;
import org.jspecify.annotations.Nullable;

/**
 * Plugs the store into a Hibernate bootstrap when {@code hibernate.canonical_store.enabled} is true; discovered
 * through {@code META-INF/services} as both a {@link ServiceContributor} and a
 * {@link SessionFactoryServiceContributor}. It contributes three services:
 * <ul>
 *   <li>a {@link PersisterClassResolver} that gives every entity the store's persister for its inheritance
 *       strategy, on top of whatever resolver Hibernate would otherwise use;
 *   <li>a {@link TransactionCoordinatorBuilder} around Hibernate's own, which every session calls while it is
 *       being opened, on the thread that opens it: the store's hook to give the session its {@link SessionOwner}
 *       (Hibernate 7.2 and 7.3 have no session extension SPI);
 *   <li>the {@link HibernateCanonicalStore} of each SessionFactory, a SessionFactory-scoped service that lives and
 *       dies with the factory (as Envers keeps its state).
 * </ul>
 * Before anything else it checks that the running Hibernate ORM is one the store supports. Stateless and
 * thread-safe.
 */
public final class StoreContributor implements ServiceContributor, SessionFactoryServiceContributor {

    /** The Hibernate ORM lines the store supports, as {@code major.minor}. */
    static final String SUPPORTED = "7.2, 7.3 and 7.4";

    /** Called by {@link java.util.ServiceLoader}. */
    public StoreContributor() {
    }

    @Override
    public void contribute(StandardServiceRegistryBuilder serviceRegistryBuilder) {
        @SuppressWarnings("unchecked") // Hibernate's settings map
        Map<String, Object> settings = (Map<String, Object>) (Map<?, ?>) serviceRegistryBuilder.getSettings();
        if (!StoreSettings.isEnabled(settings)) {
            return;
        }
        requireSupportedHibernate(Version.getVersionString());
        serviceRegistryBuilder.addInitiator(new ResolverInitiator());
        serviceRegistryBuilder.addInitiator(new CoordinatorBuilderInitiator());
    }

    @Override
    public void contribute(SessionFactoryServiceRegistryBuilder serviceRegistryBuilder) {
        serviceRegistryBuilder.addInitiator(new StoreInitiator());
    }

    /**
     * Fails unless {@code version} is a Hibernate ORM version of a supported line.
     *
     * @throws IllegalStateException naming the running version and the supported lines
     */
    static void requireSupportedHibernate(String version) {
        String[] parts = version.split("\\.");
        boolean supported = parts.length >= 2 && parts[0].equals("7")
                && (parts[1].equals("2") || parts[1].equals("3") || parts[1].equals("4"));
        if (!supported) {
            throw new IllegalStateException("canonical-store-hibernate supports Hibernate ORM " + SUPPORTED
                    + ", but this is Hibernate ORM " + version + ": use a supported Hibernate ORM, or set "
                    + "hibernate.canonical_store.enabled=false");
        }
    }

    private static final class ResolverInitiator implements StandardServiceInitiator<PersisterClassResolver> {
        @Override
        public Class<PersisterClassResolver> getServiceInitiated() {
            return PersisterClassResolver.class;
        }

        @Override
        public PersisterClassResolver initiateService(
                Map<String, Object> configurationValues, ServiceRegistryImplementor registry) {
            return new CanonicalPersisterClassResolver(
                    PersisterClassResolverInitiator.INSTANCE.initiateService(configurationValues, registry));
        }
    }

    private static final class CoordinatorBuilderInitiator
            implements StandardServiceInitiator<TransactionCoordinatorBuilder> {
        @Override
        public Class<TransactionCoordinatorBuilder> getServiceInitiated() {
            return TransactionCoordinatorBuilder.class;
        }

        @Override
        public TransactionCoordinatorBuilder initiateService(
                Map<String, Object> configurationValues, ServiceRegistryImplementor registry) {
            return new SessionOpeningBuilder(
                    TransactionCoordinatorBuilderInitiator.INSTANCE.initiateService(configurationValues, registry));
        }
    }

    private static final class StoreInitiator implements SessionFactoryServiceInitiator<HibernateCanonicalStore> {
        @Override
        public Class<HibernateCanonicalStore> getServiceInitiated() {
            return HibernateCanonicalStore.class;
        }

        @Override
        @SuppressWarnings("NullableProblems") // no service when the store is disabled
        public @Nullable HibernateCanonicalStore initiateService(SessionFactoryServiceInitiatorContext context) {
            var registry = context.getServiceRegistry();
            ClassLoaderService classes = registry.requireService(ClassLoaderService.class);
            StoreSettings settings = StoreSettings.parse(
                    registry.requireService(ConfigurationService.class).getSettings(), classes::classForName);
            return settings.enabled() ? new HibernateCanonicalStore(context.getSessionFactory(), settings) : null;
        }
    }
}
