package io.github.canonicalstore.internal.hibernate;

import io.github.canonicalstore.hibernate.CanonicalStoreSettings;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The parsed {@code hibernate.canonical_store.*} settings of one SessionFactory. Immutable.
 *
 * @param enabled whether the factory has a store
 * @param excluded entity names (JPA names or class names) that are not canonical
 * @param failOnConflict whether a conflicting load throws instead of handing out a private instance
 */
record StoreSettings(boolean enabled, Set<String> excluded, boolean failOnConflict) {

    /**
     * Reads the settings.
     *
     * @param settings Hibernate's configuration values
     * @return the parsed settings
     * @throws IllegalArgumentException naming the setting and the value, if a value is not accepted
     */
    static StoreSettings parse(Map<String, Object> settings) {
        boolean enabled = isEnabled(settings);
        Set<String> excluded = parseNames(settings.get(CanonicalStoreSettings.EXCLUDE));
        boolean fail = parseConflict(settings.get(CanonicalStoreSettings.CONFLICT));
        return new StoreSettings(enabled, excluded, fail);
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

    private static boolean parseConflict(@Nullable Object value) {
        if (value == null) {
            return false;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "isolate" -> false;
            case "fail" -> true;
            default -> throw invalid(CanonicalStoreSettings.CONFLICT, value, "'isolate' (the default) or 'fail'");
        };
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
