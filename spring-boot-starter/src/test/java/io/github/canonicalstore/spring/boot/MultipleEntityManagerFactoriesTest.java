package io.github.canonicalstore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.spring.boot.app.Note;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.jpa.EntityManagerFactoryBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * An application with two EntityManagerFactories of its own, built with Spring Boot's builder: one with the store
 * (it gets the starter's settings) and one where the application switches the store off.
 */
@ExtendWith(OutputCaptureExtension.class)
class MultipleEntityManagerFactoriesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(CanonicalStoreAutoConfigurationTest.JPA)
            .withUserConfiguration(TwoFactories.class)
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("canonical-store.enabled=true");

    @Test
    void eachFactoryGetsAStoreBeanAndThePrimaryOneIsInjectedByType() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeanNamesForType(CanonicalStore.class))
                    .containsExactlyInAnyOrder("canonicalStore", "reportingCanonicalStore");
            EntityManagerFactory primary = context.getBean("entityManagerFactory", EntityManagerFactory.class);
            assertThat(context.getBean(CanonicalStore.class)).isSameAs(CanonicalStore.of(primary));
        });
    }

    @Test
    void aFactoryWithoutTheStoreFailsOnlyWhenItsStoreIsAskedFor() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThatThrownBy(() -> context.getBean("reportingCanonicalStore"))
                    .rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("hibernate.canonical_store.enabled");
        });
    }

    @Test
    void onlyFactoriesWithAStoreGetMetersTaggedAsSpringBootTagsHibernatesMeters() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(MeterRegistry.class).find("hibernate.canonical.store.size").meters())
                    .extracting(m -> m.getId().getTag("entityManagerFactory"))
                    .containsExactly("entityManagerFactory");
        });
    }

    @Test
    void startUpSaysWhichFactoryHasAStore(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output).contains("Canonical store on for EntityManagerFactory 'entityManagerFactory'")
                    .doesNotContain("Canonical store on for EntityManagerFactory 'reportingEntityManagerFactory'");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoFactories {

        @Bean
        @Primary
        LocalContainerEntityManagerFactoryBean entityManagerFactory(EntityManagerFactoryBuilder builder,
                DataSource dataSource) {
            return builder.dataSource(dataSource).packages(Note.class).persistenceUnit("notes").build();
        }

        @Bean
        LocalContainerEntityManagerFactoryBean reportingEntityManagerFactory(EntityManagerFactoryBuilder builder,
                @Qualifier("dataSource") DataSource dataSource) {
            return builder.dataSource(dataSource).packages(Note.class).persistenceUnit("reporting")
                    .properties(Map.of("hibernate.canonical_store.enabled", "false",
                            "hibernate.hbm2ddl.auto", "none"))
                    .build();
        }
    }
}
