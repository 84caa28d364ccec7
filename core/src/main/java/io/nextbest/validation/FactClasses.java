package io.nextbest.validation;

import io.nextbest.validation.DecisionTable.Column;
import io.nextbest.validation.DecisionTable.Settings;
import io.nextbest.validation.DecisionTable.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a table's pattern cells name, found as Drools finds them: by the name as written, through
 * the sheet's imports (a nested class by its dotted name, {@code Outer.Inner}), in the RuleSet's package
 * and in {@code java.lang}. A type the sheet declares (Declare) is the sheet's own and has no class here.
 */
final class FactClasses {
    private static final Pattern BINDING = Pattern.compile("^\\s*(\\$?[A-Za-z_]\\w*)\\s*:\\s*([A-Za-z_][\\w.]*)");
    private static final Pattern FACT = Pattern.compile("^\\s*([A-Za-z_][\\w.]*)");
    /** Words that open a pattern cell without naming a fact class Drools must find. */
    private static final Set<String> NOT_CLASSES = Set.of("not", "exists", "forall", "eval", "accumulate", "collect",
            "from", "and", "or");

    private final ClassLoader classLoader;
    /** A large table asks for the same few classes in every row, and a class that is not found is slow to tell. */
    private final Map<String, Optional<Class<?>>> classes = new HashMap<>();

    FactClasses(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** The fact class a pattern cell names, or null if it names none, a declared type, or one that cannot be loaded. */
    Class<?> of(Table table, String pattern) {
        String name = factName(pattern);
        if (name == null || table.settings().declaredTypes().contains(name)
                || table.settings().declaredTypes().contains(simpleName(name))) {
            return null;
        }
        return find(table.settings(), name);
    }

    /** The class of the fact a pattern cell of the table binds to {@code variable}, or null. */
    Class<?> variable(Table table, String variable) {
        for (Column c : table.columns()) {
            Matcher b = BINDING.matcher(c.pattern());
            if (b.find() && b.group(1).equals(variable)) {
                return find(table.settings(), b.group(2));
            }
        }
        return null;
    }

    /**
     * True if Drools can resolve an import of the Import cell: a class on the class path (a nested one by
     * its dotted name), or a form nextbest does not check (a wildcard, a function, a static member).
     */
    boolean resolves(String imported) {
        return imported.endsWith(".*") || imported.startsWith("function ") || imported.startsWith("static ")
                || load(imported) != null;
    }

    /** The class a pattern cell names: {@code Person} in {@code $p : Person} or {@code Person(age > 3)}; null if none. */
    static String factName(String pattern) {
        if (pattern.isBlank() || pattern.strip().startsWith("/") || pattern.contains(": /")) {
            return null;
        }
        Matcher b = BINDING.matcher(pattern);
        String name;
        if (b.find()) {
            name = b.group(2);
        } else {
            Matcher m = FACT.matcher(pattern);
            name = m.find() ? m.group(1) : null;
        }
        if (name == null || NOT_CLASSES.contains(name.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return name.endsWith("...") ? name.substring(0, name.length() - 3) : name;
    }

    static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** A class as Drools finds it: by its name, through the sheet's imports, its package, or java.lang. */
    private Class<?> find(Settings settings, String name) {
        List<String> candidates = new ArrayList<>();
        String first = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        String rest = name.substring(first.length());
        for (String imp : settings.imports()) {
            if (imp.equals(first) || imp.endsWith("." + first)) {
                candidates.add(imp + rest);
            } else if (imp.endsWith(".*")) {
                candidates.add(imp.substring(0, imp.length() - 1) + name);
            }
        }
        candidates.add(name);
        if (!settings.packageName().isEmpty()) {
            candidates.add(settings.packageName() + "." + name);
        }
        candidates.add("java.lang." + name);
        for (String candidate : candidates) {
            Class<?> found = load(candidate);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A class by its dotted name, which may name a nested class ({@code com.example.Outer.Inner}); null if none. */
    Class<?> load(String dotted) {
        return classes.computeIfAbsent(dotted, n -> Optional.ofNullable(forName(n))).orElse(null);
    }

    private Class<?> forName(String dotted) {
        String name = dotted;
        while (true) {
            try {
                return Class.forName(name, false, classLoader);
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = name.lastIndexOf('.');
                if (dot < 0) {
                    return null;
                }
                name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            }
        }
    }
}
