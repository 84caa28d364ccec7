package io.nextbest.validation;

import io.nextbest.facts.OneOf;
import io.nextbest.text.Names;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
        AnnotatedElement member;
        if (call.matches()) {
            String name = call.group(1);
            int arity = call.group(2).isBlank() ? 0 : call.group(2).split(",").length;
            Method method = method(fact, name, arity);
            if (method == null) {
                return new Reading(null, missing(fact, name + "(...)", name));
            }
            member = method;
            type = method.getReturnType();
        } else if (IDENTIFIER.matcher(left).matches() && !left.equals("this")) {
            Method method = getter(fact, left);
            Field field = method == null ? field(fact, left) : null;
            if (method == null && field == null) {
                return new Reading(null, missing(fact, left, left));
            }
            member = method != null ? method : field;
            type = method != null ? method.getReturnType() : field.getType();
        } else {
            return new Reading(unchecked(template), null);
        }
        OneOf oneOf = member.getAnnotation(OneOf.class);
        if (oneOf != null) {
            List<String> values = new ArrayList<>();
            for (Enum<?> e : oneOf.value().getEnumConstants()) {
                values.add(e.name());
            }
            return new Reading(new ColumnType(left, op, Kind.ENUMERATED, List.copyOf(values)), null);
        }
        io.nextbest.facts.Range range = member.getAnnotation(io.nextbest.facts.Range.class);
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

    /** A public field Drools reads as a property when the class has no getter for it. */
    static Field field(Class<?> type, String name) {
        try {
            Field f = type.getField(name);
            return Modifier.isStatic(f.getModifiers()) ? null : f;
        } catch (NoSuchFieldException e) {
            return null;
        }
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
        for (Field f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                names.add(f.getName());
            }
        }
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
        return check(cell, Set.of());
    }

    /**
     * Checks one cell against the column: a problem Drools would reject the cell for, or {@code null}.
     * A word is a problem unless it is one of the {@code names} Drools could read it as (a property of
     * the fact, a variable); any other text that is not a number may be an expression, which Drools judges.
     */
    public String check(String cell, Set<String> names) {
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
                    Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    return unknownWord(v, names) ? "'" + v + "' is not a number" : null;
                }
                return null;
            }
            case TRUE_FALSE -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false") && unknownWord(v, names)) {
                    return "'" + v + "' is not true or false";
                }
                return null;
            }
            case ENUMERATED -> {
                // Drools trims every cell, so spaces around a value do not matter.
                if (allowed.contains(v)) {
                    return null;
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

    /**
     * A warning for a value Drools compiles but that is likely not meant: a fraction compared with a
     * property that counts whole units. Null if there is none.
     */
    public String warning(String cell) {
        if (kind != Kind.WHOLE_NUMBER) {
            return null;
        }
        try {
            double d = Double.parseDouble(cell.strip());
            return d == Math.rint(d) ? null : "'" + cell.strip() + "' is not a whole number, and " + property
                    + " counts whole units: Drools compares it as written";
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** True if the cell is a value of the column's kind as written (not a name or an expression). */
    public boolean isLiteral(String cell) {
        String v = cell.strip();
        switch (kind) {
            case WHOLE_NUMBER, NUMBER -> {
                try {
                    Double.parseDouble(v);
                    return true;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            case TRUE_FALSE -> {
                return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false");
            }
            default -> {
                return true;
            }
        }
    }

    /** A single word Drools would read as a name it does not know: strict mode rejects it. */
    private static boolean unknownWord(String v, Set<String> names) {
        return v.matches("[A-Za-z_][A-Za-z0-9_]*") && !names.contains(v) && !v.equals("null");
    }
}
