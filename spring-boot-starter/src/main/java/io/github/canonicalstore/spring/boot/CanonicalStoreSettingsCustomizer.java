package io.github.canonicalstore.spring.boot;

import io.github.canonicalstore.CanonicalScopeResolver;
import io.github.canonicalstore.hibernate.CanonicalStoreSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.util.ClassUtils;

/**
 * Writes the {@code canonical-store.*} properties into the Hibernate settings of each EntityManagerFactory that Spring
 * Boot builds. The settings are worked out, and checked, once, when the customizer is created, so that a bad value
 * fails the start with Spring Boot's "invalid value for configuration property" report before any factory is built.
 */
final class CanonicalStoreSettingsCustomizer implements HibernatePropertiesCustomizer {

    static final String HTTP_SESSION_SCOPE_RESOLVER = "io.github.canonicalstore.servlet.HttpSessionScopeResolver";

    private static final String SERVLET_REQUEST = "jakarta.servlet.ServletRequest";

    private final Map<String, Object> settings;

    CanonicalStoreSettingsCustomizer(CanonicalStoreProperties properties, ClassLoader classLoader) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        mapped.put(CanonicalStoreSettings.ENABLED, "true");
        if (!properties.getExclude().isEmpty()) {
            mapped.put(CanonicalStoreSettings.EXCLUDE, String.join(",", properties.getExclude()));
        }
        mapped.put(CanonicalStoreSettings.CONFLICT, properties.getConflict().settingValue());
        mapped.put(CanonicalStoreSettings.UNCHANGED_ROWS, properties.getUnchangedRows().settingValue());
        String resolver = scopeResolver(properties.getScope().trim(), classLoader);
        if (resolver != null) {
            mapped.put(CanonicalStoreSettings.SCOPE_RESOLVER, resolver);
        }
        this.settings = Collections.unmodifiableMap(mapped);
    }

    /** @return the Hibernate settings this customizer writes, in a fixed order */
    Map<String, Object> settings() {
        return settings;
    }

    @Override
    public void customize(Map<String, Object> hibernateProperties) {
        hibernateProperties.putAll(settings);
    }

    /** @return the class name for {@code scope_resolver}, or {@code null} for the factory scope (no setting) */
    private static @Nullable String scopeResolver(String scope, ClassLoader classLoader) {
        switch (scope.toLowerCase(Locale.ROOT)) {
            case "factory":
                return null;
            case "http-session":
                if (!ClassUtils.isPresent(SERVLET_REQUEST, classLoader)) {
                    throw invalidScope(scope, "http-session needs the servlet API (jakarta.servlet) on the class path");
                }
                return HTTP_SESSION_SCOPE_RESOLVER;
            default:
                checkResolverClass(scope, classLoader);
                return scope;
        }
    }

    private static void checkResolverClass(String className, ClassLoader classLoader) {
        Class<?> type;
        try {
            type = ClassUtils.forName(className, classLoader);
        } catch (ClassNotFoundException | LinkageError ex) {
            throw invalidScope(className, "expected factory, http-session, or the name of a class implementing "
                    + CanonicalScopeResolver.class.getName() + ", but no such class could be loaded");
        }
        if (!CanonicalScopeResolver.class.isAssignableFrom(type)) {
            throw invalidScope(className, "the class does not implement " + CanonicalScopeResolver.class.getName());
        }
    }

    private static InvalidConfigurationPropertyValueException invalidScope(String value, String reason) {
        return new InvalidConfigurationPropertyValueException("canonical-store.scope", value, reason);
    }
}
