package io.nextbest.validation;

import io.nextbest.facts.OneOf;
import io.nextbest.text.Names;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a condition column compares, read from its code snippet: the property or method on the fact,
 * the operator, and so the kind of value each cell must hold.
 *
 * @param property the property or method call the column reads, as written
 * @param operator {@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >} or {@code >=}
 * @param kind     what a cell must hold
 * @param allowed  for {@link Kind#ENUMERATED}, the accepted values
 */
record ColumnType(String property, String operator, Kind kind, List<String> allowed, double min, double max) {

    public ColumnType(String property, String operator, Kind kind, List<String> allowed) {
        this(property, operator, kind, allowed, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** The kinds of cell value a column takes. */
    public enum Kind {
        WHOLE_NUMBER,
        NUMBER,
        TRUE_FALSE,
        TEXT,
        ENUMERATED,
        /** The snippet is not a simple comparison: cells are not checked before compiling. */
        UNCHECKED
    }

    private static final Pattern COMPARISON = Pattern.compile(
            "^\\s*(.+?)\\s*(==|!=|<=|>=|<|>)\\s*(.+?)\\s*;?\\s*$");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\((.*)\\)");

    /** The result of reading a snippet against a fact class. */
    public record Reading(ColumnType type, String problem) {
    }

    /**
     * Reads a condition snippet such as {@code tenureMonths < $param} against the fact class.
     * A property the class lacks is a problem, with the nearest property named.
     */
    public static Reading read(String template, Class<?> fact) {
        Matcher m = COMPARISON.matcher(template);
        if (!m.matches() || fact == null) {
            return new Reading(unchecked(template), null);
        }
        String left = m.group(1).strip();
        String op = m.group(2);
        String right = m.group(3).strip();
        if (!(right.equals("$param") || right.equals("\"$param\""))) {
            if (left.contains("$param") && CALL.matcher(left).matches()) {
                return callOnly(left, fact);
            }
            return new Reading(unchecked(template), null);
        }
        Matcher call = CALL.matcher(left);
        Class<?> type;
        Method method;
        if (call.matches()) {
            String name = call.group(1);
            int arity = call.group(2).isBlank() ? 0 : call.group(2).split(",").length;
            method = method(fact, name, arity);
            if (method == null) {
                return new Reading(null, missing(fact, name + "(...)", name));
            }
        } else if (IDENTIFIER.matcher(left).matches()) {
            method = getter(fact, left);
            if (method == null) {
                return new Reading(null, missing(fact, left, left));
            }
        } else {
            return new Reading(unchecked(template), null);
        }
        type = method.getReturnType();
        OneOf oneOf = method.getAnnotation(OneOf.class);
        if (oneOf != null) {
            List<String> values = new ArrayList<>();
            for (Enum<?> e : oneOf.value().getEnumConstants()) {
                values.add(e.name());
            }
            return new Reading(new ColumnType(left, op, Kind.ENUMERATED, List.copyOf(values)), null);
        }
        io.nextbest.facts.Range range = method.getAnnotation(io.nextbest.facts.Range.class);
        return new Reading(range == null ? new ColumnType(left, op, kindOf(type), List.of())
                : new ColumnType(left, op, kindOf(type), List.of(), range.min(), range.max()), null);
    }

    private static Reading callOnly(String left, Class<?> fact) {
        Matcher call = CALL.matcher(left);
        call.matches();
        String name = call.group(1);
        int arity = call.group(2).isBlank() ? 0 : call.group(2).split(",").length;
        if (method(fact, name, arity) == null) {
            return new Reading(null, missing(fact, name + "(...)", name));
        }
        return new Reading(new ColumnType(left, "", Kind.TEXT, List.of()), null);
    }

    private static ColumnType unchecked(String template) {
        return new ColumnType(template, "", Kind.UNCHECKED, List.of());
    }

    private static Kind kindOf(Class<?> type) {
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class) {
            return Kind.WHOLE_NUMBER;
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class
                || Number.class.isAssignableFrom(type)) {
            return Kind.NUMBER;
        }
        if (type == boolean.class || type == Boolean.class) {
            return Kind.TRUE_FALSE;
        }
        if (type.isEnum()) {
            return Kind.UNCHECKED;
        }
        return Kind.TEXT;
    }

    /** The getter for a property: {@code getX}, {@code isX}, or a record-style {@code x()}. */
    static Method getter(Class<?> type, String property) {
        String cap = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        for (String name : List.of("get" + cap, "is" + cap, property)) {
            Method m = method(type, name, 0);
            if (m != null && m.getReturnType() != void.class) {
                return m;
            }
        }
        return null;
    }

    static Method method(Class<?> type, String name, int arity) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity && !Modifier.isStatic(m.getModifiers())) {
                return m;
            }
        }
        return null;
    }

    /** True if the class has a public method with this name (any arity). */
    static boolean hasMethod(Class<?> type, String name) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The properties and methods a rule can read or call on the class, for hints. */
    static TreeSet<String> vocabulary(Class<?> type) {
        TreeSet<String> names = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            String n = m.getName();
            if (m.getParameterCount() == 0 && n.startsWith("get") && n.length() > 3) {
                names.add(Character.toLowerCase(n.charAt(3)) + n.substring(4));
            } else if (m.getParameterCount() == 0 && n.startsWith("is") && n.length() > 2) {
                names.add(Character.toLowerCase(n.charAt(2)) + n.substring(3));
            } else {
                names.add(n);
            }
        }
        return names;
    }

    private static String missing(Class<?> fact, String shown, String name) {
        Optional<String> nearest = Names.nearest(name, vocabulary(fact));
        return fact.getSimpleName() + " has no " + (shown.endsWith("(...)") ? "method '" : "field '") + shown + "'"
                + nearest.map(n -> ": did you mean '" + n + "'?").orElse("");
    }

    /** Checks one cell against the column; returns the problem, or {@code null} if the cell is fine. */
    public String check(String cell) {
        String v = cell.strip();
        switch (kind) {
            case WHOLE_NUMBER, NUMBER -> {
                if (v.matches("[-+]?\\d+(\\.\\d+)?\\s*%")) {
                    return "'" + cell + "' is formatted as a percentage; write the plain number the column compares, "
                            + "such as " + v.replace("%", "").strip();
                }
                if (v.matches("[$€£¥]\\s*[-+]?[\\d,]+(\\.\\d+)?") || v.matches("[-+]?[\\d,]+(\\.\\d+)?\\s*[$€£¥]")
                        || v.matches("(?i)(usd|eur|gbp)\\s*[\\d,.]+")) {
                    return "'" + cell + "' is formatted as money; write the plain number, such as "
                            + v.replaceAll("[^\\d.\\-]", "");
                }
                if (v.matches("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) {
                    return "'" + cell + "' has thousands separators; write " + v.replace(",", "");
                }
                try {
                    double d = Double.parseDouble(v);
                    if (kind == Kind.WHOLE_NUMBER && d != Math.rint(d)) {
                        return "'" + cell + "' is not a whole number, and " + property + " counts whole units";
                    }
                } catch (NumberFormatException e) {
                    return "'" + cell + "' is not a number";
                }
                if (!v.equals(cell)) {
                    return null;
                }
                return null;
            }
            case TRUE_FALSE -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    return "'" + cell + "' is not true or false";
                }
                return null;
            }
            case ENUMERATED -> {
                if (allowed.contains(cell)) {
                    return null;
                }
                if (allowed.contains(v)) {
                    return "'" + cell + "' has spaces around it, so it would never match; write '" + v + "'";
                }
                if (allowed.contains(v.toUpperCase(Locale.ROOT))) {
                    return "'" + cell + "' must be written in capitals: '" + v.toUpperCase(Locale.ROOT) + "'";
                }
                return "'" + cell + "' is not one of " + String.join(", ", allowed)
                        + Names.nearest(v, allowed).map(n -> ": did you mean " + n + "?").orElse("");
            }
            default -> {
                return null;
            }
        }
    }
}
