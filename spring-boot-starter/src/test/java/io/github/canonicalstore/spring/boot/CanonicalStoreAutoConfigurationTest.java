package io.github.canonicalstore.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.canonicalstore.CanonicalScopeResolver;
import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.servlet.CanonicalScopeFilter;
import io.github.canonicalstore.servlet.HttpSessionScopeResolver;
import io.github.canonicalstore.spring.boot.app.Note;
import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * The auto-configuration in Spring Boot contexts that build an EntityManagerFactory (embedded H2) but open no session.
 */
@ExtendWith(OutputCaptureExtension.class)
class CanonicalStoreAutoConfigurationTest {

    static final AutoConfigurations JPA = AutoConfigurations.of(DataSourceAutoConfiguration.class,
            HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
            CanonicalStoreAutoConfiguration.class, CanonicalStoreMetricsAutoConfiguration.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(JPA)
            .withUserConfiguration(NoteEntities.class);

    @Test
    void withoutThePropertyNothingIsConfigured() {
        runner.run(context -> assertStoreOff(context));
    }

    @Test
    void withTheStoreDisabledNothingIsConfigured() {
        runner.withPropertyValues("canonical-store.enabled=false").run(context -> assertStoreOff(context));
    }

    @Test
    void enabledAloneSetsTheDefaults() {
        runner.withPropertyValues("canonical-store.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(storeSettings(context)).containsOnly(
                    Map.entry("hibernate.canonical_store.enabled", "true"),
                    Map.entry("hibernate.canonical_store.conflict", "isolate"),
                    Map.entry("hibernate.canonical_store.unchanged_rows", "version"));
        });
    }

    @Test
    void everyPropertyBecomesItsHibernateSetting() {
        runner.withPropertyValues("canonical-store.enabled=true", "canonical-store.exclude=Note,"
                        + "io.github.canonicalstore.spring.boot.app.Label", "canonical-store.conflict=fail",
                "canonical-store.scope=http-session", "canonical-store.unchanged-rows=compare").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(storeSettings(context)).containsOnly(
                            Map.entry("hibernate.canonical_store.enabled", "true"),
                            Map.entry("hibernate.canonical_store.exclude",
                                    "Note,io.github.canonicalstore.spring.boot.app.Label"),
                            Map.entry("hibernate.canonical_store.conflict", "fail"),
                            Map.entry("hibernate.canonical_store.unchanged_rows", "compare"),
                            Map.entry("hibernate.canonical_store.scope_resolver",
                                    "io.github.canonicalstore.servlet.HttpSessionScopeResolver"));
                });
    }

    @Test
    void aScopeResolverClassIsPassedOnByName() {
        runner.withPropertyValues("canonical-store.enabled=true",
                "canonical-store.scope=" + TestScopeResolver.class.getName()).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(storeSettings(context)).containsEntry("hibernate.canonical_store.scope_resolver",
                            TestScopeResolver.class.getName());
                });
    }

    @Test
    void theFactoryScopeSetsNoResolver() {
        runner.withPropertyValues("canonical-store.enabled=true", "canonical-store.scope=factory").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(storeSettings(context)).doesNotContainKey("hibernate.canonical_store.scope_resolver");
        });
    }

    @Test
    void aBadConflictValueFailsTheStartNamingPropertyAndValue() {
        runner.withPropertyValues("canonical-store.enabled=true", "canonical-store.conflict=sometimes")
                .run(context -> assertThat(context).getFailure()
                        .satisfies(failure -> assertThat(messages(failure))
                                .contains("canonical-store.conflict").contains("sometimes")));
    }

    @Test
    void anUnknownScopeFailsTheStartNamingPropertyAndValue() {
        runner.withPropertyValues("canonical-store.enabled=true", "canonical-store.scope=per-user")
                .run(context -> assertThat(context).getFailure()
                        .hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
                        .rootCause().hasMessageContaining("canonical-store.scope").hasMessageContaining("per-user"));
    }

    @Test
    void aScopeClassThatIsNoResolverFailsTheStart() {
        runner.withPropertyValues("canonical-store.enabled=true", "canonical-store.scope=java.lang.String")
                .run(context -> assertThat(context).getFailure()
                        .hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
                        .rootCause().hasMessageContaining("canonical-store.scope")
                        .hasMessageContaining("java.lang.String")
                        .hasMessageContaining("does not implement io.github.canonicalstore.CanonicalScopeResolver"));
    }

    @Test
    void theFactoryHasACanonicalStoreBean() {
        runner.withPropertyValues("canonical-store.enabled=true").run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(CanonicalStore.class).hasBean("canonicalStore");
            assertThat(context.getBean(CanonicalStore.class))
                    .isSameAs(CanonicalStore.of(context.getBean(EntityManagerFactory.class)));
        });
    }

    @Test
    void startUpSaysTheStoreIsOnWithItsSettings(CapturedOutput output) {
        runner.withPropertyValues("canonical-store.enabled=true", "canonical-store.conflict=fail").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output).containsOnlyOnce("Canonical store on for EntityManagerFactory 'entityManagerFactory'")
                    .contains("hibernate.canonical_store.conflict=fail");
        });
    }

    @Test
    void startUpSaysNothingWhenTheStoreIsOff(CapturedOutput output) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(output).doesNotContainIgnoringCase("canonical store");
        });
    }

    @Test
    void httpSessionScopeRegistersTheFilterInAServletApplication() {
        webRunner().withPropertyValues("canonical-store.enabled=true", "canonical-store.scope=http-session")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasBean("canonicalScopeFilter");
                    FilterRegistrationBean<?> registration =
                            context.getBean("canonicalScopeFilter", FilterRegistrationBean.class);
                    assertThat(registration.getFilter()).isInstanceOf(CanonicalScopeFilter.class);
                    assertThat(registration.getUrlPatterns()).isEmpty(); // empty: every URL
                    assertThat(registration.getOrder()).isLessThan(-100); // ahead of Spring Security
                    assertThat(registration.determineDispatcherTypes())
                            .contains(DispatcherType.REQUEST, DispatcherType.ASYNC);
                });
    }

    @Test
    void theRegisteredFilterShowsTheRequestToTheConfiguredResolver() {
        webRunner().withPropertyValues("canonical-store.enabled=true", "canonical-store.scope=http-session")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    String resolverClass = (String) storeSettings(context)
                            .get("hibernate.canonical_store.scope_resolver");
                    CanonicalScopeResolver resolver = (CanonicalScopeResolver) Class.forName(resolverClass)
                            .getConstructor().newInstance();
                    Filter filter = context.getBean("canonicalScopeFilter", FilterRegistrationBean.class).getFilter();
                    MockHttpServletRequest request = new MockHttpServletRequest();
                    MockHttpSession session = new MockHttpSession();
                    request.setSession(session);
                    AtomicReference<Object> seen = new AtomicReference<>();

                    filter.doFilter(request, new MockHttpServletResponse(),
                            (req, res) -> seen.set(resolver.currentScope()));

                    assertThat(seen.get()).isNotNull()
                            .isSameAs(session.getAttribute(HttpSessionScopeResolver.SESSION_ATTRIBUTE));
                    assertThat(resolver.currentScope()).isNull();
                });
    }

    @Test
    void theFactoryScopeRegistersNoFilter() {
        webRunner().withPropertyValues("canonical-store.enabled=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean("canonicalScopeFilter");
            assertThat(context.getBeansOfType(FilterRegistrationBean.class)).isEmpty();
        });
    }

    @Test
    void httpSessionScopeRegistersNoFilterOutsideAWebApplication() {
        runner.withPropertyValues("canonical-store.enabled=true", "canonical-store.scope=http-session")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(FilterRegistrationBean.class)).isEmpty();
                });
    }

    @Test
    void aDisabledStoreRegistersNoFilter() {
        webRunner().withPropertyValues("canonical-store.scope=http-session").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(FilterRegistrationBean.class)).isEmpty();
        });
    }

    private WebApplicationContextRunner webRunner() {
        return new WebApplicationContextRunner().withConfiguration(JPA).withUserConfiguration(NoteEntities.class);
    }

    private static void assertStoreOff(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed().hasSingleBean(EntityManagerFactory.class)
                .doesNotHaveBean(CanonicalStore.class)
                .doesNotHaveBean(CanonicalStoreAutoConfiguration.class)
                .doesNotHaveBean(CanonicalStoreMetricsAutoConfiguration.class);
        assertThat(context.getBeansOfType(HibernatePropertiesCustomizer.class)).isEmpty();
        assertThat(storeSettings(context)).isEmpty();
        EntityManagerFactory factory = context.getBean(EntityManagerFactory.class);
        assertThatThrownBy(() -> CanonicalStore.of(factory)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hibernate.canonical_store.enabled");
    }

    /** The factory's own {@code hibernate.canonical_store.*} settings, as Hibernate got them. */
    static Map<String, Object> storeSettings(ApplicationContext context) {
        return context.getBean(EntityManagerFactory.class).getProperties().entrySet().stream()
                .filter(e -> e.getKey().startsWith("hibernate.canonical_store."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Configuration(proxyBeanMethods = false)
    @EntityScan(basePackageClasses = Note.class)
    static class NoteEntities {
    }
}
