package io.github.canonicalstore.spring.boot;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.micrometer.CanonicalStoreMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.SimpleAutowireCandidateResolver;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;

/**
 * Auto-configuration of the canonical store's Micrometer meters ({@link CanonicalStoreMetrics}) for every
 * EntityManagerFactory bean whose store is on, when Micrometer is on the class path and a {@link MeterRegistry} bean
 * exists. Bound as Spring Boot binds Hibernate's own meters ({@code HibernateMetricsAutoConfiguration}): once every
 * singleton exists, with the tag {@code entityManagerFactory} set to the bean name less a trailing
 * {@code entityManagerFactory} ({@code ordersEntityManagerFactory} is tagged {@code orders}; Spring Boot's own
 * factory, {@code entityManagerFactory}, keeps its name). Active only with {@code canonical-store.enabled=true}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = {HibernateJpaAutoConfiguration.class, CanonicalStoreAutoConfiguration.class},
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({EntityManagerFactory.class, MeterRegistry.class, CanonicalStoreMetrics.class})
@ConditionalOnBean({EntityManagerFactory.class, MeterRegistry.class})
@ConditionalOnBooleanProperty("canonical-store.enabled")
public final class CanonicalStoreMetricsAutoConfiguration implements SmartInitializingSingleton {

    private final Map<String, EntityManagerFactory> factories;
    private final MeterRegistry registry;

    CanonicalStoreMetricsAutoConfiguration(ConfigurableListableBeanFactory beanFactory, MeterRegistry registry) {
        this.factories = SimpleAutowireCandidateResolver.resolveAutowireCandidates(beanFactory,
                EntityManagerFactory.class);
        this.registry = registry;
    }

    /** Binds the meters of each factory that has a store; a factory without one is left out. */
    @Override
    public void afterSingletonsInstantiated() {
        factories.forEach((beanName, factory) -> {
            CanonicalStore store;
            try {
                store = CanonicalStore.of(factory);
            } catch (IllegalStateException | IllegalArgumentException noStore) {
                return;
            }
            new CanonicalStoreMetrics(store, EntityManagerFactoryNames.metricsName(beanName), Tags.empty())
                    .bindTo(registry);
        });
    }
}
