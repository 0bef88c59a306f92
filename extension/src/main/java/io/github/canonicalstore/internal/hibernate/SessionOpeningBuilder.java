package io.github.canonicalstore.internal.hibernate;

import java.util.Map;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.jdbc.spi.PhysicalConnectionHandlingMode;
import org.hibernate.resource.transaction.spi.TransactionCoordinator;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorBuilder;
import org.hibernate.resource.transaction.spi.TransactionCoordinatorOwner;
import org.hibernate.service.spi.Configurable;
import org.hibernate.service.spi.ServiceRegistryAwareService;
import org.hibernate.service.spi.ServiceRegistryImplementor;
import org.hibernate.service.spi.Startable;
import org.hibernate.service.spi.Stoppable;

/**
 * Hibernate's {@link TransactionCoordinatorBuilder}, unchanged, except that it tells the store about every session
 * it builds a coordinator for. A session builds its coordinator while it is being opened (and again when it is
 * deserialised), on the thread that opens it, after its factory, tenant and session-event listeners are set: the
 * one moment, in every Hibernate ORM line the store supports, at which the store can give the session its
 * {@link SessionOwner} and ask the scope resolver for its client (rule 12). Thread-safe, as the builder it wraps.
 *
 * <p>{@code buildDdlTransactionIsolator} is left to the interface's default, which chooses by {@link #isJta()}
 * exactly as Hibernate's own builders do (its parameter type moved between Hibernate 7.2 and 7.4). The service
 * registry runs a service's life cycle (service injection, configuration, start, stop) on the service it holds,
 * this wrapper: it passes each step on to the builder it wraps, which needs them (the JTA builder gets its
 * {@code JtaPlatform} from {@link #injectServices}).
 */
final class SessionOpeningBuilder
        implements TransactionCoordinatorBuilder, ServiceRegistryAwareService, Configurable, Startable, Stoppable {
    private static final long serialVersionUID = 1L;

    private final TransactionCoordinatorBuilder delegate;

    SessionOpeningBuilder(TransactionCoordinatorBuilder delegate) {
        this.delegate = delegate;
    }

    @Override
    public TransactionCoordinator buildTransactionCoordinator(TransactionCoordinatorOwner owner, Options options) {
        TransactionCoordinator coordinator = delegate.buildTransactionCoordinator(owner, options);
        if (options instanceof SharedSessionContractImplementor session) {
            HibernateCanonicalStore store =
                    session.getFactory().getServiceRegistry().getService(HibernateCanonicalStore.class);
            if (store != null) {
                store.owners().opened(session);
            }
        }
        return coordinator;
    }

    @Override
    public void injectServices(ServiceRegistryImplementor serviceRegistry) {
        if (delegate instanceof ServiceRegistryAwareService aware) {
            aware.injectServices(serviceRegistry);
        }
    }

    @Override
    public void configure(Map<String, Object> configurationValues) {
        if (delegate instanceof Configurable configurable) {
            configurable.configure(configurationValues);
        }
    }

    @Override
    public void start() {
        if (delegate instanceof Startable startable) {
            startable.start();
        }
    }

    @Override
    public void stop() {
        if (delegate instanceof Stoppable stoppable) {
            stoppable.stop();
        }
    }

    @Override
    public boolean isJta() {
        return delegate.isJta();
    }

    @Override
    public PhysicalConnectionHandlingMode getDefaultConnectionHandlingMode() {
        return delegate.getDefaultConnectionHandlingMode();
    }

    @Override
    public String toString() {
        return "SessionOpeningBuilder[" + delegate + "]";
    }
}
