package io.nextbest;

import java.util.Objects;

/**
 * A request, or one of its parts, holds a value that NextBest cannot decide on. The exception names
 * the field (for example {@code customer.id} or {@code purchases[3].amount}) and the bad value.
 */
public final class InvalidRequestException extends NextBestException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;
    private final transient Object value;

    public InvalidRequestException(String field, String problem, Object value) {
        super(format(field, problem, value));
        this.field = Objects.requireNonNull(field, "field");
        this.problem = Objects.requireNonNull(problem, "problem");
        this.value = value;
    }

    /** The path of the bad field, such as {@code interaction.channel}. */
    public String field() {
        return field;
    }

    /** What is wrong with the value, without the field: {@code "must be between 0 and 1"}. */
    public String problem() {
        return problem;
    }

    /** The rejected value; {@code null} when the field was missing. */
    public Object value() {
        return value;
    }

    /** The same problem, with the field placed under {@code parent} (for nested records). */
    public InvalidRequestException under(String parent) {
        String path = field.startsWith("[") ? parent + field : parent + "." + field;
        return new InvalidRequestException(path, problem, value);
    }

    private static String format(String field, String problem, Object value) {
        if (value == null) {
            return field + ": " + problem;
        }
        String shown = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
        return field + ": " + problem + ", got " + shown;
    }
}
