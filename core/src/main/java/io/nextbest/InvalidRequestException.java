package io.nextbest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request, or one of its parts, holds values that NextBest cannot decide on. The exception carries
 * every problem found, each naming its field (for example {@code customer.id} or
 * {@code purchases[3].amount}), what is wrong and the bad value, so that one run shows every mistake.
 * {@link #field()}, {@link #problem()} and {@link #value()} tell the first problem.
 */
public final class InvalidRequestException extends NextBestException {
    private static final long serialVersionUID = 2L;

    // Bad values can be of any type; like them, the problems are not serialized with the exception.
    private final transient List<Problem> problems;

    /** One problem: {@code field} is the path of the bad field, {@code value} the rejected value. */
    public InvalidRequestException(String field, String problem, Object value) {
        this(List.of(new Problem(field, problem, value)));
    }

    /** Every problem of a request, in the order found; at least one. */
    public InvalidRequestException(List<Problem> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * One bad field.
     *
     * @param field   the path of the field, such as {@code interaction.channel} or {@code $.purchases[1].amount}
     * @param message what is wrong with the value, without the field: {@code "must be between 0 and 1"}
     * @param value   the rejected value; {@code null} when the field was missing
     */
    public record Problem(String field, String message, Object value) {
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }

        /** The same problem, with the field placed under {@code parent} (for nested records). */
        public Problem under(String parent) {
            if (field.equals("$")) {
                return new Problem(parent, message, value);
            }
            String relative = field.startsWith("$") ? field.substring(1) : field;
            boolean attached = relative.startsWith("[") || relative.startsWith(".");
            return new Problem(attached ? parent + relative : parent + "." + relative, message, value);
        }

        /** {@code field: message, got value}, the value quoted when it is text. */
        @Override
        public String toString() {
            if (value == null) {
                return field + ": " + message;
            }
            String shown = value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
            return field + ": " + message + ", got " + shown;
        }
    }

    /** Every problem, in the order found. */
    public List<Problem> problems() {
        return problems == null ? List.of() : problems;
    }

    /** The path of the first bad field, such as {@code interaction.channel}. */
    public String field() {
        return first().field();
    }

    /** What is wrong with the first bad value, without the field: {@code "must be between 0 and 1"}. */
    public String problem() {
        return first().message();
    }

    /** The first rejected value; {@code null} when the field was missing. */
    public Object value() {
        return first().value();
    }

    /** The same problems, with their fields placed under {@code parent} (for nested records). */
    public InvalidRequestException under(String parent) {
        List<Problem> placed = new ArrayList<>(problems().size());
        for (Problem p : problems()) {
            placed.add(p.under(parent));
        }
        return new InvalidRequestException(placed);
    }

    private Problem first() {
        return problems().isEmpty() ? new Problem("?", String.valueOf(getMessage()), null) : problems.get(0);
    }

    private static String format(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid request has at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder sb = new StringBuilder().append(problems.size()).append(" problems: ");
        for (int i = 0; i < problems.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(problems.get(i));
        }
        return sb.toString();
    }
}
