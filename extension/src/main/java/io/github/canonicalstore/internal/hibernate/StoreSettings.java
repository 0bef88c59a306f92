package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.CanonicalScopeResolver;
import io.github.canonicalstore.hibernate.CanonicalStoreSettings;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The parsed {@code hibernate.canonical_store.*} settings of one SessionFactory. Immutable.
 *
 * @param enabled whether the factory has a store
 * @param excluded entity names (JPA names or class names) that are not canonical
 * @param failOnConflict whether a conflicting load throws instead of handing out a private instance
 * @param scopeResolver who tells the client scope of a session (rule 12), or {@code null} for the factory scope
 * @param unchangedByVersion whether a row with the instance's {@code @Version} counts as unchanged without hydrating
 *     it ({@link CanonicalStoreSettings#UNCHANGED_ROWS})
 */
record StoreSettings(boolean enabled, Set<String> excluded, boolean failOnConflict,
        @Nullable CanonicalScopeResolver scopeResolver, boolean unchangedByVersion) {

    /**
     * Reads the settings.
     *
     * @param settings Hibernate's configuration values
     * @param classes loads a class by name (Hibernate's {@code ClassLoaderService}); throws if there is none
     * @return the parsed settings
     * @throws IllegalArgumentException naming the setting and the value, if a value is not accepted
     */
    static StoreSettings parse(Map<String, Object> settings, Function<String, Class<?>> classes) {
        boolean enabled = isEnabled(settings);
        Set<String> excluded = parseNames(settings.get(CanonicalStoreSettings.EXCLUDE));
        boolean fail = parseChoice(CanonicalStoreSettings.CONFLICT, settings.get(CanonicalStoreSettings.CONFLICT),
                "isolate", "fail", "fail");
        CanonicalScopeResolver resolver = parseScopeResolver(settings.get(CanonicalStoreSettings.SCOPE_RESOLVER),
                classes);
        boolean byVersion = parseChoice(CanonicalStoreSettings.UNCHANGED_ROWS,
                settings.get(CanonicalStoreSettings.UNCHANGED_ROWS), "version", "compare", "version");
        return new StoreSettings(enabled, excluded, fail, resolver, byVersion);
    }

    /**
     * Reads only {@link CanonicalStoreSettings#ENABLED}.
     *
     * @param settings Hibernate's configuration values
     * @return the value, {@code false} if absent
     * @throws IllegalArgumentException if the value is neither true nor false
     */
    static boolean isEnabled(Map<String, Object> settings) {
        Object value = settings.get(CanonicalStoreSettings.ENABLED);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(CanonicalStoreSettings.ENABLED, value, "'true' or 'false'");
        };
    }

    /**
     * Reads a setting with two values, case-insensitive: {@code defaultWord} (also when absent) or {@code otherWord}.
     *
     * @return whether the value is {@code trueWord}, one of the two
     */
    private static boolean parseChoice(String setting, @Nullable Object value, String defaultWord, String otherWord,
            String trueWord) {
        String text = value == null ? defaultWord : value.toString().trim().toLowerCase(Locale.ROOT);
        if (!text.equals(defaultWord) && !text.equals(otherWord)) {
            throw invalid(setting, value, "'" + defaultWord + "' (the default) or '" + otherWord + "'");
        }
        return text.equals(trueWord);
    }

    private static @Nullable CanonicalScopeResolver parseScopeResolver(@Nullable Object value,
            Function<String, Class<?>> classes) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        if (value instanceof CanonicalScopeResolver resolver) {
            return resolver;
        }
        String expected = "the name of a class implementing " + CanonicalScopeResolver.class.getName()
                + " with a public no-argument constructor, or an instance of one";
        Class<?> type;
        try {
            type = value instanceof Class<?> given ? given : classes.apply(value.toString().trim());
        } catch (RuntimeException | LinkageError e) {
            throw invalid(CanonicalStoreSettings.SCOPE_RESOLVER, value, expected + " (" + e + ")");
        }
        if (!CanonicalScopeResolver.class.isAssignableFrom(type)) {
            throw invalid(CanonicalStoreSettings.SCOPE_RESOLVER, value, expected + " (" + type.getName()
                    + " does not implement it)");
        }
        try {
            return (CanonicalScopeResolver) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw invalid(CanonicalStoreSettings.SCOPE_RESOLVER, value, expected + " (cannot instantiate: " + e
                    + ")");
        }
    }

    private static Set<String> parseNames(@Nullable Object value) {
        if (value == null) {
            return Set.of();
        }
        String text = value.toString();
        if (value instanceof java.util.Collection<?> names) {
            text = names.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    static IllegalArgumentException invalid(String setting, Object value, String expected) {
        return new IllegalArgumentException(
                "Invalid value '" + value + "' for setting " + setting + ": expected " + expected);
    }
}
