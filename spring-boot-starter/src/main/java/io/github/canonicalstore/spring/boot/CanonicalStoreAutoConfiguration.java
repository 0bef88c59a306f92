package io.github.canonicalstore.spring.boot;

import io.github.canonicalstore.CanonicalStore;
import io.github.canonicalstore.servlet.CanonicalScopeFilter;
import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingFilterBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the canonical store for the EntityManagerFactories that Spring Boot builds with Hibernate.
 * Active only with {@code canonical-store.enabled=true}; otherwise it defines nothing and Hibernate behaves as without
 * the starter.
 *
 * <p>It defines a {@link HibernatePropertiesCustomizer} that writes the {@link CanonicalStoreProperties} as
 * {@code hibernate.canonical_store.*} settings (a bad value fails the start with a message naming the property and
 * the value); a lazy {@link CanonicalStore} bean per EntityManagerFactory bean ({@code canonicalStore} for
 * {@code entityManagerFactory}, {@code ordersCanonicalStore} for {@code ordersEntityManagerFactory}); one INFO line
 * per factory at start-up with its store's settings; and, with {@code canonical-store.scope=http-session} in a
 * servlet web application, a registration of {@link CanonicalScopeFilter} for all URLs (unless the application
 * registers that filter itself).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({EntityManagerFactory.class, HibernatePropertiesCustomizer.class, CanonicalStore.class})
@ConditionalOnBooleanProperty("canonical-store.enabled")
@EnableConfigurationProperties(CanonicalStoreProperties.class)
public final class CanonicalStoreAutoConfiguration {

    CanonicalStoreAutoConfiguration() {
    }

    @Bean
    HibernatePropertiesCustomizer canonicalStoreHibernatePropertiesCustomizer(CanonicalStoreProperties properties,
            ApplicationContext context) {
        return new CanonicalStoreSettingsCustomizer(properties, context.getClassLoader());
    }

    @Bean
    static CanonicalStoreBeanRegistrar canonicalStoreBeanRegistrar() {
        return new CanonicalStoreBeanRegistrar();
    }

    @Bean
    CanonicalStoreStartupLog canonicalStoreStartupLog(ConfigurableListableBeanFactory beanFactory) {
        return new CanonicalStoreStartupLog(beanFactory);
    }

    /** The filter that shows {@code HttpSessionScopeResolver} the request, for {@code scope=http-session}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({DispatcherType.class, FilterRegistrationBean.class})
    @ConditionalOnProperty(name = "canonical-store.scope", havingValue = "http-session")
    static final class ScopeFilterConfiguration {

        /**
         * After Spring Session's {@code SessionRepositoryFilter} ({@code Integer.MIN_VALUE + 50}), whose sessions the
         * resolver must see, and Spring's {@code RequestContextFilter} (-105); before Spring Security's filter chain
         * (-100), which may load users through Hibernate.
         */
        static final int ORDER = -104;

        @Bean
        @ConditionalOnMissingFilterBean(CanonicalScopeFilter.class)
        FilterRegistrationBean<CanonicalScopeFilter> canonicalScopeFilter() {
            FilterRegistrationBean<CanonicalScopeFilter> registration =
                    new FilterRegistrationBean<>(new CanonicalScopeFilter());
            registration.setOrder(ORDER);
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
            registration.setAsyncSupported(true);
            return registration;
        }
    }
}
