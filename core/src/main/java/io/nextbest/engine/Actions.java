package io.nextbest.engine;

import io.nextbest.facts.Action;
import io.nextbest.facts.Range;
import io.nextbest.facts.Situation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The actions a fact class declares with {@link Action}: what the compiler checks in a pack's rules,
 * validation checks at table cells, and verification reads to tell actions that add up from actions
 * that conflict. Internal.
 */
public final class Actions {
    private static final Map<Class<?>, Actions> CACHE = new ConcurrentHashMap<>();

    /**
     * One action.
     *
     * @param name   the method's name
     * @param effect what it does
     * @param target true if its first argument after the rule's context is an offer target
     * @param ranges the allowed range of each argument after the rule's context; null where there is none
     */
    public record Declared(String name, Action.Effect effect, boolean target, List<Range> ranges) {
        /** The range of the argument at this position after the rule's context, if it has one. */
        public Optional<Range> range(int argument) {
            return argument < ranges.size() ? Optional.ofNullable(ranges.get(argument)) : Optional.empty();
        }
    }

    /**
     * A call of a declared action in DRL, as written: {@code leaveOut(drools, "kind SALES")}.
     *
     * @param action    the action called
     * @param arguments the arguments after the rule's context, as written (quotes removed from texts)
     * @param quoted    for each argument, true if it was written as a quoted text
     */
    public record Call(Declared action, List<String> arguments, List<Boolean> quoted) {
    }

    // No alternation inside a repetition: Java matches those by recursion, one level a character, and a
    // long quoted argument (a cell of thousands of characters) overflowed the stack.
    private static final Pattern ARGUMENT = Pattern.compile(
            "\\s*(?:\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"|([^,()\"]*?))\\s*(,|\\))");

    private final Map<String, Declared> byName;
    private final Pattern call;

    private Actions(Map<String, Declared> byName) {
        this.byName = Collections.unmodifiableMap(byName);
        this.call = byName.isEmpty() ? null
                : Pattern.compile("\\b(" + String.join("|", byName.keySet()) + ")\\s*\\(\\s*drools\\s*(\\)|,)");
    }

    /** The actions of {@link Situation}, the fact the rule packs use. */
    public static Actions ofSituation() {
        return of(Situation.class);
    }

    /** The actions a fact class declares; none for a class without {@link Action} marks. */
    public static Actions of(Class<?> fact) {
        return CACHE.computeIfAbsent(fact, Actions::read);
    }

    private static Actions read(Class<?> fact) {
        Map<String, Declared> byName = new TreeMap<>();
        for (Method m : fact.getMethods()) {
            Action action = m.getAnnotation(Action.class);
            if (action == null || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            Parameter[] parameters = m.getParameters();
            List<Range> ranges = new ArrayList<>();
            for (int i = 1; i < parameters.length; i++) {
                ranges.add(parameters[i].getAnnotation(Range.class));
            }
            Declared declared = new Declared(m.getName(), action.value(), action.target(),
                    Collections.unmodifiableList(ranges));
            // Overloads (one per kind of rule context) declare the same action once.
            byName.putIfAbsent(m.getName(), declared);
        }
        return new Actions(byName);
    }

    /** Every declared action by name. */
    public Map<String, Declared> all() {
        return byName;
    }

    /** The declared action of this name, if there is one. */
    public Optional<Declared> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The calls of declared actions in a text of DRL or a table's code snippet, in order. */
    public List<Call> calls(String code) {
        List<Call> calls = new ArrayList<>();
        if (call == null) {
            return calls;
        }
        Matcher m = call.matcher(code);
        while (m.find()) {
            Declared action = byName.get(m.group(1));
            List<String> arguments = new ArrayList<>();
            List<Boolean> quoted = new ArrayList<>();
            if (m.group(2).equals(",")) {
                Matcher a = ARGUMENT.matcher(code);
                int at = m.end();
                while (a.region(at, code.length()).lookingAt()) {
                    arguments.add(a.group(1) != null ? a.group(1) : a.group(2));
                    quoted.add(a.group(1) != null);
                    at = a.end();
                    if (a.group(3).equals(")")) {
                        break;
                    }
                }
            }
            calls.add(new Call(action, arguments, quoted));
        }
        return calls;
    }

    /**
     * What is wrong with an argument value written for an action, or null if nothing is: a number
     * outside the argument's {@link Range}. Values that are not numbers are left to the compiler.
     */
    public static String outOfRange(Declared action, int argument, String value) {
        Optional<Range> range = action.range(argument);
        if (range.isEmpty()) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        Range r = range.get();
        if (d >= r.min() && d <= r.max() && !Double.isNaN(d)) {
            return null;
        }
        String what = action.name() + " takes ";
        String bounds = r.max() == Double.POSITIVE_INFINITY ? "a number of at least " + plain(r.min())
                : "a number from " + plain(r.min()) + " to " + plain(r.max());
        return what + bounds + ", got " + value.strip();
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
