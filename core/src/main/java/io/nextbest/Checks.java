package io.nextbest;

import io.nextbest.InvalidRequestException.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Validation shared by the records of the public API and their builders. One {@code Checks} collects
 * every problem of one record, each naming its field; {@link #done()} then throws them together, so
 * that a request with three mistakes is corrected in one run, not three. A check that fails returns a
 * harmless stand-in (the value itself, or an empty collection) so that the remaining checks still run.
 */
final class Checks {
    private final List<Problem> problems = new ArrayList<>();

    /** Adds a problem of the field. */
    void add(String field, String message, Object value) {
        problems.add(new Problem(field, message, value));
    }

    /** Throws every problem found, if any. */
    void done() {
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }

    /**
     * Builds a record after a builder's own checks: the record's problems join the builder's, and all
     * are thrown together.
     */
    <T> T build(Supplier<T> construction) {
        T built = null;
        try {
            built = construction.get();
        } catch (InvalidRequestException e) {
            problems.addAll(e.problems());
        }
        done();
        return built;
    }

    String requireText(String value, String field) {
        if (value == null) {
            add(field, "is required", null);
            return null;
        }
        if (value.isBlank()) {
            add(field, "must not be blank", value);
            return value;
        }
        return value.strip();
    }

    /** The text stripped, or {@code fallback} when it is missing or blank. */
    static String optionalText(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    <T> T require(T value, String field) {
        if (value == null) {
            add(field, "is required", null);
        }
        return value;
    }

    double nonNegative(double value, String field) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            add(field, "must be a number of at least 0", value);
        }
        return value;
    }

    int nonNegative(int value, String field) {
        if (value < 0) {
            add(field, "must be at least 0", value);
        }
        return value;
    }

    double probability(double value, String field) {
        if (!(value >= 0 && value <= 1)) {
            add(field, "must be between 0 and 1", value);
        }
        return value;
    }

    /** An immutable copy; {@code null} is empty, and a null element is a problem at its index. */
    <T> List<T> listOf(List<T> values, String field) {
        return List.copyOf(withoutNulls(values, field));
    }

    /** An immutable copy; {@code null} is empty, and a null element is a problem. */
    <T> Set<T> setOf(Collection<T> values, String field) {
        return Set.copyOf(withoutNulls(values, field));
    }

    /** An immutable copy of stripped texts; {@code null} is empty, and a null or blank text is a problem. */
    Set<String> textSetOf(Collection<String> values, String field) {
        Set<String> copy = new LinkedHashSet<>();
        for (String value : withoutNulls(values, field)) {
            String text = requireText(value, field + "[]");
            if (text != null && !text.isBlank()) {
                copy.add(text);
            }
        }
        return Set.copyOf(copy);
    }

    /** An immutable copy; {@code null} is empty, and a null key or value is a problem. */
    <K, V> Map<K, V> mapOf(Map<K, V> values, String field) {
        if (values == null) {
            return Map.of();
        }
        Map<K, V> copy = new LinkedHashMap<>();
        for (Map.Entry<K, V> e : values.entrySet()) {
            if (e.getKey() == null) {
                add(field, "must not have a null key", null);
            } else if (e.getValue() == null) {
                add(field + "." + e.getKey(), "must not be null", null);
            } else {
                copy.put(e.getKey(), e.getValue());
            }
        }
        return Map.copyOf(copy);
    }

    /**
     * The elements other than {@code null}, in order. A null element of a list is reported at its
     * index, as JSON paths are ({@code purchases[2]}); a set has no index to name.
     */
    private <T> List<T> withoutNulls(Collection<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        List<T> kept = new ArrayList<>(values.size());
        int i = 0;
        boolean nullInSet = false;
        for (T value : values) {
            if (value != null) {
                kept.add(value);
            } else if (values instanceof List) {
                add(field + "[" + i + "]", "must not be null", null);
            } else {
                nullInSet = true;
            }
            i++;
        }
        if (nullInSet) {
            add(field, "must not contain null", null);
        }
        return kept;
    }
}
