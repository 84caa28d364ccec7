package io.nextbest;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validation shared by the records of the public API; every failure names its field. */
final class Checks {
    private Checks() {
    }

    static String requireText(String value, String field) {
        if (value == null) {
            throw new InvalidRequestException(field, "is required", null);
        }
        if (value.isBlank()) {
            throw new InvalidRequestException(field, "must not be blank", value);
        }
        return value.strip();
    }

    static String optionalText(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static <T> T require(T value, String field) {
        if (value == null) {
            throw new InvalidRequestException(field, "is required", null);
        }
        return value;
    }

    static double nonNegative(double value, String field) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidRequestException(field, "must be a number of at least 0", value);
        }
        return value;
    }

    static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new InvalidRequestException(field, "must be at least 0", value);
        }
        return value;
    }

    static double probability(double value, String field) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidRequestException(field, "must be between 0 and 1", value);
        }
        return value;
    }

    static <T> List<T> listOf(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidRequestException(field + "[" + i + "]", "must not be null", null);
            }
        }
        return List.copyOf(values);
    }

    static <T> Set<T> setOf(Collection<T> values, String field) {
        if (values == null) {
            return Set.of();
        }
        for (T value : values) {
            if (value == null) {
                throw new InvalidRequestException(field, "must not contain null", null);
            }
        }
        return Set.copyOf(values);
    }

    static Set<String> textSetOf(Collection<String> values, String field) {
        if (values == null) {
            return Set.of();
        }
        java.util.HashSet<String> copy = new java.util.HashSet<>();
        for (String value : values) {
            copy.add(requireText(value, field + "[]"));
        }
        return Set.copyOf(copy);
    }

    static <K, V> Map<K, V> mapOf(Map<K, V> values, String field) {
        if (values == null) {
            return Map.of();
        }
        for (Map.Entry<K, V> e : values.entrySet()) {
            if (e.getKey() == null) {
                throw new InvalidRequestException(field, "must not have a null key", null);
            }
            if (e.getValue() == null) {
                throw new InvalidRequestException(field + "." + e.getKey(), "must not be null", null);
            }
        }
        return Map.copyOf(values);
    }
}
