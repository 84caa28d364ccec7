package io.nextbest.validation;

import io.nextbest.facts.Action;
import io.nextbest.engine.Actions;
import io.nextbest.validation.ColumnType.Kind;
import io.nextbest.validation.DecisionTable.Column;
import io.nextbest.validation.DecisionTable.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Verifies the rows of each rule table against each other, over the condition columns it can read
 * (numeric ranges, enumerations, true/false; a blank cell means any value):
 * <ul>
 *   <li>rows that can never fire: their own conditions contradict each other, or a row of the same
 *       activation group with higher priority (or earlier, at equal priority) covers every case;</li>
 *   <li>duplicates: the same conditions and the same actions;</li>
 *   <li>conflicts: rows that overlap and set the same value differently (actions that add up, such as
 *       leaving offers out or multiplying a weight, do not conflict);</li>
 *   <li>gaps: for tables named on a {@code Complete} line of the RuleSet, inputs no row covers.</li>
 * </ul>
 * All findings are warnings; {@code nextbest validate --strict} makes them errors.
 */
final class TableVerifier {
    private static final int MAX_GAPS = 5;
    private static final int MAX_FINDINGS_PER_KIND = 50;
    /** Drools' and Java's own calls that add rather than overwrite; the facts' actions say for themselves. */
    private static final Pattern CUMULATIVE = Pattern.compile("\\b(insert|insertLogical|add\\w*)\\s*\\(");

    private TableVerifier() {
    }

    public static List<Finding> verify(DecisionTable file, ClassLoader classLoader) {
        List<Finding> findings = new ArrayList<>();
        for (Table table : file.tables()) {
            findings.addAll(new TableRun(file, table, classLoader).run());
        }
        return findings;
    }

    /** A property's allowed values in one row: a numeric range or a set of texts. */
    private static final class Constraint {
        boolean numeric;
        double lo = Double.NEGATIVE_INFINITY;
        boolean loIn = true;
        double hi = Double.POSITIVE_INFINITY;
        boolean hiIn = true;
        Set<String> only;
        final Set<String> not = new TreeSet<>();
        final Set<Double> notNumbers = new TreeSet<>();

        /**
         * True if {@link #of} knows the column's comparison: a number compared with {@code < <= > >= == !=},
         * anything else with {@code ==} or {@code !=}. A column that compares otherwise is left out of the
         * verification, as a condition it cannot read is.
         */
        static boolean understands(ColumnType type) {
            boolean number = type.kind() == Kind.NUMBER || type.kind() == Kind.WHOLE_NUMBER;
            return switch (type.operator()) {
                case "==", "!=" -> true;
                case "<", "<=", ">", ">=" -> number;
                default -> false;
            };
        }

        static Constraint of(ColumnType type, String value) {
            Constraint c = new Constraint();
            String v = value.strip();
            if (type.kind() == Kind.NUMBER || type.kind() == Kind.WHOLE_NUMBER) {
                c.numeric = true;
                double d = Double.parseDouble(v);
                switch (type.operator()) {
                    case "<" -> {
                        c.hi = d;
                        c.hiIn = false;
                    }
                    case "<=" -> c.hi = d;
                    case ">" -> {
                        c.lo = d;
                        c.loIn = false;
                    }
                    case ">=" -> c.lo = d;
                    case "==" -> {
                        c.lo = d;
                        c.hi = d;
                    }
                    case "!=" -> c.notNumbers.add(d);
                    default -> throw new IllegalArgumentException(type.operator());
                }
            } else {
                String t = type.kind() == Kind.TRUE_FALSE ? v.toLowerCase(Locale.ROOT) : v;
                if (type.operator().equals("==")) {
                    c.only = new TreeSet<>(Set.of(t));
                } else if (type.operator().equals("!=")) {
                    c.not.add(t);
                } else {
                    throw new IllegalArgumentException(type.operator());
                }
            }
            return c;
        }

        Constraint and(Constraint o) {
            Constraint c = new Constraint();
            c.numeric = numeric || o.numeric;
            if (lo > o.lo || (lo == o.lo && !loIn)) {
                c.lo = lo;
                c.loIn = loIn;
            } else {
                c.lo = o.lo;
                c.loIn = o.loIn;
            }
            if (hi < o.hi || (hi == o.hi && !hiIn)) {
                c.hi = hi;
                c.hiIn = hiIn;
            } else {
                c.hi = o.hi;
                c.hiIn = o.hiIn;
            }
            if (only != null && o.only != null) {
                c.only = new TreeSet<>(only);
                c.only.retainAll(o.only);
            } else {
                c.only = only != null ? new TreeSet<>(only) : o.only == null ? null : new TreeSet<>(o.only);
            }
            c.not.addAll(not);
            c.not.addAll(o.not);
            c.notNumbers.addAll(notNumbers);
            c.notNumbers.addAll(o.notNumbers);
            return c;
        }

        boolean isEmpty() {
            if (numeric) {
                if (lo > hi || (lo == hi && !(loIn && hiIn))) {
                    return true;
                }
                return lo == hi && notNumbers.contains(lo);
            }
            if (only != null) {
                Set<String> left = new TreeSet<>(only);
                left.removeAll(not);
                return left.isEmpty();
            }
            return false;
        }

        boolean admits(double x) {
            boolean aboveLo = x > lo || (x == lo && loIn);
            boolean belowHi = x < hi || (x == hi && hiIn);
            return aboveLo && belowHi && !notNumbers.contains(x);
        }

        boolean admits(String x) {
            return (only == null || only.contains(x)) && !not.contains(x);
        }

        /** True if every value this constraint admits, the other admits too. */
        boolean within(Constraint o) {
            if (numeric) {
                boolean loOk = lo > o.lo || (lo == o.lo && (o.loIn || !loIn));
                boolean hiOk = hi < o.hi || (hi == o.hi && (o.hiIn || !hiIn));
                if (!loOk || !hiOk) {
                    return false;
                }
                for (double n : o.notNumbers) {
                    if (admits(n)) {
                        return false;
                    }
                }
                return true;
            }
            if (o.only != null && (only == null || !o.only.containsAll(minus(only, not)))) {
                return false;
            }
            for (String n : o.not) {
                if (only == null ? !not.contains(n) : only.contains(n) && !not.contains(n)) {
                    return false;
                }
            }
            return true;
        }

        private static Set<String> minus(Set<String> a, Set<String> b) {
            Set<String> r = new TreeSet<>(a);
            r.removeAll(b);
            return r;
        }

        String describe(String property) {
            if (numeric) {
                if (lo == hi) {
                    return property + " = " + fmt(lo);
                }
                String s = lo == Double.NEGATIVE_INFINITY ? "" : fmt(lo) + (loIn ? " <= " : " < ");
                String e = hi == Double.POSITIVE_INFINITY ? "" : (hiIn ? " <= " : " < ") + fmt(hi);
                return s + property + e;
            }
            if (only != null) {
                return property + " = " + String.join(" or ", only);
            }
            return property + " not " + String.join(", ", not);
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** One row, as the verifier reads it. */
    private record Row(int row, String name, Map<String, Constraint> conditions, Map<String, String> opaque,
                       Map<Integer, String> actions, int priority, String group, String contradiction) {
    }

    private static final class TableRun {
        final DecisionTable file;
        final Table table;
        final List<Finding> findings = new ArrayList<>();
        final Map<Integer, ColumnType> types = new LinkedHashMap<>();
        final Map<String, ColumnType> byProperty = new LinkedHashMap<>();
        final Set<Integer> cumulativeActions = new HashSet<>();
        Integer selectionColumn;

        TableRun(DecisionTable file, Table table, ClassLoader classLoader) {
            this.file = file;
            this.table = table;
            FactClasses facts = new FactClasses(classLoader);
            List<Actions> actions = new ArrayList<>();
            for (Column c : table.columns()) {
                Class<?> fact = c.isCondition() ? facts.of(table, c.pattern()) : null;
                if (fact != null && !actions.contains(Actions.of(fact))) {
                    actions.add(Actions.of(fact));
                }
            }
            for (Column c : table.columns()) {
                if (c.isCondition() && !c.template().isBlank()) {
                    ColumnType.Reading r = ColumnType.read(c.template(), facts.of(table, c.pattern()));
                    if (r.type() != null && r.type().kind() != Kind.UNCHECKED && !r.type().operator().isEmpty()) {
                        types.put(c.index(), r.type());
                        byProperty.putIfAbsent(r.type().property(), r.type());
                    }
                }
                if (c.isAction()) {
                    // An action without a snippet is reported by the checker; here it cannot clash.
                    boolean cumulative = c.template().isBlank() || CUMULATIVE.matcher(c.template()).find();
                    for (Actions declared : actions) {
                        for (Actions.Call call : declared.calls(c.template())) {
                            cumulative |= call.action().effect().accumulates();
                            if (call.action().effect() == Action.Effect.SELECT) {
                                selectionColumn = c.index();
                            }
                        }
                    }
                    if (cumulative) {
                        cumulativeActions.add(c.index());
                    }
                }
            }
        }

        List<Finding> run() {
            List<Row> rows = new ArrayList<>();
            for (int r : table.dataRows()) {
                Row row = read(r);
                if (row == null) {
                    return findings;
                }
                rows.add(row);
            }
            int neverFire = 0;
            for (Row row : rows) {
                if (row.contradiction() != null && neverFire++ < MAX_FINDINGS_PER_KIND) {
                    warn(row, "can never fire: its conditions contradict each other (" + row.contradiction() + ")");
                }
            }
            int duplicates = 0;
            int conflicts = 0;
            int covered = 0;
            for (int j = 0; j < rows.size(); j++) {
                Row b = rows.get(j);
                if (b.contradiction() != null) {
                    continue;
                }
                for (int i = 0; i < j; i++) {
                    Row a = rows.get(i);
                    if (a.contradiction() != null || !overlap(a, b)) {
                        continue;
                    }
                    boolean sameConditions = sameConditions(a, b);
                    if (sameConditions && a.actions().equals(b.actions())) {
                        if (duplicates++ < MAX_FINDINGS_PER_KIND) {
                            warn(b, "duplicates row " + (a.row() + 1) + ": same conditions and same actions");
                        }
                        continue;
                    }
                    String clash = clash(a, b);
                    if (clash != null && conflicts++ < MAX_FINDINGS_PER_KIND) {
                        warn(b, "conflicts with row " + (a.row() + 1) + ": both apply when "
                                + overlapExample(a, b) + ", and they set " + clash);
                    }
                    if (b.group() != null && b.group().equals(a.group())) {
                        Row winner = a.priority() >= b.priority() ? a : b;
                        Row loser = winner == a ? b : a;
                        if (covers(winner, loser) && covered++ < MAX_FINDINGS_PER_KIND) {
                            warn(loser, "can never fire: row " + (winner.row() + 1) + " covers every case it does "
                                    + "and wins activation group " + a.group());
                        }
                    }
                }
            }
            if (table.complete()) {
                gaps(rows);
            }
            return findings;
        }

        private Row read(int r) {
            Map<String, Constraint> conditions = new LinkedHashMap<>();
            Map<String, String> opaque = new LinkedHashMap<>();
            Map<Integer, String> actions = new LinkedHashMap<>();
            String contradiction = null;
            int priority = 0;
            String group = null;
            String name = "";
            for (Column c : table.columns()) {
                String v = table.cell(r, c).strip();
                if (c.keyword().equals("NAME")) {
                    name = v;
                }
                if (v.isEmpty()) {
                    continue;
                }
                if (c.isCondition()) {
                    ColumnType type = types.get(c.index());
                    if (type == null || type.check(v) != null || !type.isLiteral(v) || !Constraint.understands(type)) {
                        opaque.put(c.index() + ":" + c.template(), v);
                        continue;
                    }
                    Constraint k = Constraint.of(type, v);
                    Constraint before = conditions.get(type.property());
                    Constraint merged = before == null ? k : before.and(k);
                    if (merged.isEmpty() && contradiction == null) {
                        contradiction = (before == null ? "" : before.describe(type.property()) + " and ")
                                + k.describe(type.property());
                    }
                    conditions.put(type.property(), merged);
                } else if (c.isAction()) {
                    actions.put(c.index(), v);
                } else if (c.keyword().equals("PRIORITY")) {
                    try {
                        priority = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                } else if (c.keyword().equals("ACTIVATION-GROUP")) {
                    group = v;
                }
            }
            return new Row(r, name, conditions, opaque, actions, priority, group, contradiction);
        }

        boolean overlap(Row a, Row b) {
            for (Map.Entry<String, String> e : a.opaque().entrySet()) {
                String other = b.opaque().get(e.getKey());
                if (other != null && !other.equals(e.getValue())) {
                    return false;
                }
            }
            for (Map.Entry<String, Constraint> e : a.conditions().entrySet()) {
                Constraint other = b.conditions().get(e.getKey());
                if (other != null && e.getValue().and(other).isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        boolean sameConditions(Row a, Row b) {
            return a.opaque().equals(b.opaque()) && covers(a, b) && covers(b, a);
        }

        /** True if every input that fires {@code narrow} fires {@code wide} too. */
        boolean covers(Row wide, Row narrow) {
            for (Map.Entry<String, String> e : wide.opaque().entrySet()) {
                if (!Objects.equals(narrow.opaque().get(e.getKey()), e.getValue())) {
                    return false;
                }
            }
            for (Map.Entry<String, Constraint> e : wide.conditions().entrySet()) {
                Constraint n = narrow.conditions().get(e.getKey());
                if (n == null) {
                    n = new Constraint();
                    n.numeric = e.getValue().numeric;
                }
                if (!n.within(e.getValue())) {
                    return false;
                }
            }
            return true;
        }

        /** The value two overlapping rows set differently, or null if their actions can both apply. */
        String clash(Row a, Row b) {
            if (selectionColumn != null) {
                String sa = a.actions().get(selectionColumn);
                String sb = b.actions().get(selectionColumn);
                if (sa != null && sb != null && !sa.equalsIgnoreCase(sb)) {
                    return null;
                }
            }
            for (Map.Entry<Integer, String> e : a.actions().entrySet()) {
                if (cumulativeActions.contains(e.getKey())) {
                    continue;
                }
                String other = b.actions().get(e.getKey());
                if (other != null && !other.equals(e.getValue())) {
                    Column c = column(e.getKey());
                    return "\"" + c.header() + "\" to " + e.getValue() + " and " + other;
                }
            }
            return null;
        }

        String overlapExample(Row a, Row b) {
            List<String> parts = new ArrayList<>();
            Set<String> properties = new TreeSet<>(a.conditions().keySet());
            properties.addAll(b.conditions().keySet());
            for (String p : properties) {
                Constraint ca = a.conditions().get(p);
                Constraint cb = b.conditions().get(p);
                Constraint both = ca == null ? cb : cb == null ? ca : ca.and(cb);
                parts.add(both.describe(p));
            }
            a.opaque().forEach((k, v) -> parts.add(k.substring(k.indexOf(':') + 1).replace("$param", v)));
            return parts.isEmpty() ? "any input" : String.join(", ", parts);
        }

        private Column column(int index) {
            for (Column c : table.columns()) {
                if (c.index() == index) {
                    return c;
                }
            }
            throw new IllegalStateException("no column " + index);
        }

        /** Walks the partition of each property's values that the rows' bounds make, looking for cells no row covers. */
        void gaps(List<Row> rows) {
            List<String> properties = new ArrayList<>(byProperty.keySet());
            List<List<Object>> cells = new ArrayList<>();
            for (String p : properties) {
                cells.add(partition(p, rows));
            }
            List<String> found = new ArrayList<>();
            search(properties, cells, 0, rows.stream().filter(r -> r.contradiction() == null).toList(),
                    new ArrayList<>(), found);
            for (String gap : found) {
                // At the table's RuleTable cell, which names the table.
                findings.add(Finding.warning(file.file(), table.sheet().name(), SheetGrid.ref(table.row(),
                        table.firstColumn()), "", "RuleTable " + table.name() + " is marked complete, but no row covers "
                        + gap));
            }
        }

        private void search(List<String> properties, List<List<Object>> cells, int depth, List<Row> candidates,
                            List<String> assignment, List<String> found) {
            if (found.size() >= MAX_GAPS) {
                return;
            }
            if (candidates.isEmpty()) {
                found.add(assignment.isEmpty() ? "any input" : String.join(", ", assignment));
                return;
            }
            if (depth == properties.size()) {
                return;
            }
            String p = properties.get(depth);
            for (Object cell : cells.get(depth)) {
                List<Row> left = new ArrayList<>();
                for (Row r : candidates) {
                    Constraint c = r.conditions().get(p);
                    if (c == null || admits(c, cell)) {
                        left.add(r);
                    }
                }
                assignment.add(label(p, cell));
                search(properties, cells, depth + 1, left, assignment, found);
                assignment.remove(assignment.size() - 1);
                if (found.size() >= MAX_GAPS) {
                    return;
                }
            }
        }

        private static boolean admits(Constraint c, Object cell) {
            if (cell instanceof double[] range) {
                return c.admits(range[0]);
            }
            return c.admits((String) cell);
        }

        private static String label(String property, Object cell) {
            if (cell instanceof double[] range) {
                return range.length == 1 ? property + " = " + fmt(range[0]) : property + " " + describeRange(range);
            }
            return property + " = " + cell;
        }

        private static String describeRange(double[] r) {
            String lo = r[1] == Double.NEGATIVE_INFINITY ? "below " + fmt(r[2]) : "from " + fmt(r[1]);
            if (r[1] == Double.NEGATIVE_INFINITY) {
                return lo;
            }
            return r[2] == Double.POSITIVE_INFINITY ? "above " + fmt(r[1]) : "between " + fmt(r[1]) + " and " + fmt(r[2]);
        }

        /**
         * The values of a property that behave alike for every row: for numbers, each bound and each open
         * interval between bounds (as {representative, low, high}); for texts, every value rows name, the
         * enumeration's values, and one value none names.
         */
        private List<Object> partition(String property, List<Row> rows) {
            ColumnType type = byProperty.get(property);
            List<Object> cells = new ArrayList<>();
            if (type.kind() == Kind.NUMBER || type.kind() == Kind.WHOLE_NUMBER) {
                // The property's own range closes the partition: [min, ..., max].
                TreeSet<Double> bounds = new TreeSet<>();
                for (Row r : rows) {
                    Constraint c = r.conditions().get(property);
                    if (c != null) {
                        if (c.lo != Double.NEGATIVE_INFINITY) {
                            bounds.add(c.lo);
                        }
                        if (c.hi != Double.POSITIVE_INFINITY) {
                            bounds.add(c.hi);
                        }
                        bounds.addAll(c.notNumbers);
                    }
                }
                bounds.removeIf(b -> b < type.min() || b > type.max());
                if (type.min() != Double.NEGATIVE_INFINITY) {
                    bounds.add(type.min());
                }
                if (type.max() != Double.POSITIVE_INFINITY) {
                    bounds.add(type.max());
                }
                boolean whole = type.kind() == Kind.WHOLE_NUMBER;
                double previous = Double.NEGATIVE_INFINITY;
                for (double b : bounds) {
                    boolean below = previous == Double.NEGATIVE_INFINITY;
                    if (below ? type.min() == Double.NEGATIVE_INFINITY : !whole || Math.floor(previous) + 1 < b) {
                        double mid = below ? b - 1 : (previous + b) / 2;
                        cells.add(new double[] {mid, previous, b});
                    }
                    cells.add(new double[] {b});
                    previous = b;
                }
                if (previous == Double.NEGATIVE_INFINITY || previous < type.max()) {
                    cells.add(new double[] {previous == Double.NEGATIVE_INFINITY ? 0 : previous + 1, previous,
                            Double.POSITIVE_INFINITY});
                }
            } else {
                TreeSet<String> values = new TreeSet<>(type.allowed());
                if (type.kind() == Kind.TRUE_FALSE) {
                    values.add("true");
                    values.add("false");
                }
                for (Row r : rows) {
                    Constraint c = r.conditions().get(property);
                    if (c != null) {
                        if (c.only != null) {
                            values.addAll(c.only);
                        }
                        values.addAll(c.not);
                    }
                }
                cells.addAll(values);
                if (type.kind() == Kind.TEXT) {
                    cells.add("(any other value)");
                }
            }
            return cells;
        }

        private void warn(Row row, String message) {
            Column name = table.nameColumn();
            String what = row.name().isEmpty() ? "" : "rule '" + row.name() + "' ";
            findings.add(Finding.warning(file.file(), table.sheet().name(), "row " + (row.row() + 1),
                    name == null ? "" : "", what + message));
        }
    }
}
