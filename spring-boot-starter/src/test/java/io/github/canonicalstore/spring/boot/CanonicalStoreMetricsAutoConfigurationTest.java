package io.github.canonicalstore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.canonicalstore.CanonicalStore;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The meters, with Spring Boot's own Micrometer auto-configuration providing the registry. */
class CanonicalStoreMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(CanonicalStoreAutoConfigurationTest.JPA)
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class))
            .withUserConfiguration(CanonicalStoreAutoConfigurationTest.NoteEntities.class);

    @Test
    void theStoresMetersAreRegisteredAndTaggedWithTheFactory() {
        runner.withPropertyValues("canonical-store.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find("hibernate.canonical.store.requests").meters())
                    .extracting(m -> m.getId().getTag("result")).containsExactlyInAnyOrder("hit", "miss");
            assertThat(registry.find("hibernate.canonical.store.size").meters()).singleElement()
                    .satisfies(m -> assertThat(m.getId().getTag("entityManagerFactory"))
                            .isEqualTo("entityManagerFactory"));
            CanonicalStore store = CanonicalStore.of(context.getBean(EntityManagerFactory.class));
            assertThat(registry.get("hibernate.canonical.store.size").gauge().value()).isEqualTo(store.size());
            assertThat(storeMeterNames(registry)).containsExactlyInAnyOrder("hibernate.canonical.store.requests",
                    "hibernate.canonical.store.size", "hibernate.canonical.store.pins",
                    "hibernate.canonical.store.isolations", "hibernate.canonical.store.conflicts",
                    "hibernate.canonical.store.restores", "hibernate.canonical.store.propagations",
                    "hibernate.canonical.store.releases");
        });
    }

    @Test
    void aDisabledStoreHasNoMeters() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(MeterRegistry.class);
            assertThat(storeMeterNames(context.getBean(MeterRegistry.class))).isEmpty();
        });
    }

    @Test
    void withoutMicrometerTheStoreWorksWithoutMeters() {
        new ApplicationContextRunner()
                .withConfiguration(CanonicalStoreAutoConfigurationTest.JPA)
                .withUserConfiguration(CanonicalStoreAutoConfigurationTest.NoteEntities.class)
                .withClassLoader(new FilteredClassLoader("io.micrometer."))
                .withPropertyValues("canonical-store.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(CanonicalStore.class)
                        .doesNotHaveBean(CanonicalStoreMetricsAutoConfiguration.class));
    }

    private static Set<String> storeMeterNames(MeterRegistry registry) {
        return registry.getMeters().stream().map(Meter::getId).map(Meter.Id::getName)
                .filter(name -> name.startsWith("hibernate.canonical.store."))
                .collect(Collectors.toSet());
    }
}
