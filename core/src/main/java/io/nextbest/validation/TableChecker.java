package io.nextbest.validation;

import io.nextbest.OfferCatalog;
import io.nextbest.catalog.OfferTargets;
import io.nextbest.engine.Actions;
import io.nextbest.engine.RuleSetCompiler;
import io.nextbest.text.Names;
import io.nextbest.validation.DecisionTable.Column;
import io.nextbest.validation.DecisionTable.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a decision table cell by cell before Drools compiles it, so that every message names the
 * sheet, the cell and the column's header: wrong types, typographic and unbalanced quotes, stray
 * spaces, formatted numbers, blank rows inside a table, duplicate rule names, fields the fact does
 * not have, missing code snippets, and offer targets the catalog does not hold.
 */
final class TableChecker {
    private static final Pattern BINDING = Pattern.compile("^\\s*(\\$?[A-Za-z_]\\w*)\\s*:\\s*([A-Za-z_][\\w.]*)");
    private static final Pattern FACT = Pattern.compile("^\\s*([A-Za-z_][\\w.]*)");
    /** A METADATA column that sets each row's reason code. */
    private static final Pattern CODE_METADATA = Pattern.compile("\\s*@?" + RuleSetCompiler.CODE
            + "\\s*\\(\\s*\"?\\$param\"?\\s*\\)\\s*");
    private static final Pattern VARIABLE_CALL = Pattern.compile("(\\$[A-Za-z_]\\w*)\\s*\\.\\s*([A-Za-z_]\\w*)\\s*\\(");

    private final ClassLoader classLoader;
    private final OfferCatalog catalog;
    /** Rule names across the pack, with the place each was first seen. */
    private final Map<String, String> ruleNames;
    private final List<Finding> findings = new ArrayList<>();

    TableChecker(ClassLoader classLoader, OfferCatalog catalog, Map<String, String> ruleNames) {
        this.classLoader = classLoader;
        this.catalog = catalog;
        this.ruleNames = ruleNames;
    }

    List<Finding> check(DecisionTable file) {
        findings.clear();
        if (file.tables().isEmpty()) {
            findings.add(Finding.error(file.file(), "", "", "", "has no RuleTable: Drools would make no rules of it"));
        }
        for (SheetGrid sheet : file.sheets()) {
            checkQuotes(file, sheet);
        }
        for (Table table : file.tables()) {
            checkTable(file, table);
        }
        return List.copyOf(findings);
    }

    private void checkQuotes(DecisionTable file, SheetGrid sheet) {
        for (int r : sheet.rowNumbers()) {
            for (Map.Entry<Integer, String> cell : sheet.row(r).entrySet()) {
                String v = cell.getValue();
                if (v.matches("(?s).*[\u201C\u201D\u2018\u2019\u201E\u00AB\u00BB].*")) {
                    findings.add(Finding.error(file.file(), sheet.name(), SheetGrid.ref(r, cell.getKey()), "",
                            "has typographic quotes (\u201C \u201D or \u2018 \u2019), which Drools does not read as quotes; "
                                    + "type straight quotes \" instead (turn off smart quotes in the editor)"));
                }
            }
        }
    }

    private void checkTable(DecisionTable file, Table table) {
        SheetGrid sheet = table.sheet();
        String f = file.file();
        String s = sheet.name();
        if (table.columns().isEmpty()) {
            findings.add(Finding.error(f, s, SheetGrid.ref(table.keywordRow(), table.firstColumn()), "",
                    "RuleTable " + table.name() + " has no row of CONDITION and ACTION keywords under it"));
            return;
        }
        boolean hasAction = false;
        Map<Integer, ColumnType> types = new HashMap<>();
        for (Column c : table.columns()) {
            String ref = SheetGrid.ref(table.keywordRow(), c.index());
            if (c.keyword().isEmpty()) {
                String hint = Names.nearest(c.rawKeyword().strip(), DecisionTable.KEYWORDS.values())
                        .map(n -> ": did you mean " + n + "?").orElse("");
                findings.add(Finding.error(f, s, ref, c.header(), "'" + c.rawKeyword() + "' is not a column keyword "
                        + "(CONDITION, ACTION, NAME, PRIORITY, ...)" + hint));
                continue;
            }
            if (!c.rawKeyword().equals(c.rawKeyword().strip())) {
                findings.add(Finding.warning(f, s, ref, c.header(), "the keyword '" + c.rawKeyword()
                        + "' has stray spaces; write '" + c.rawKeyword().strip() + "'"));
            }
            if (!c.label().equals(c.label().strip())) {
                findings.add(Finding.warning(f, s, SheetGrid.ref(table.labelRow(), c.index()), c.header(),
                        "the header has stray spaces around it"));
            }
            hasAction |= c.isAction();
            if (c.isCondition() || c.isAction()) {
                boolean used = false;
                for (int r : table.dataRows()) {
                    used |= !table.cell(r, c).isBlank();
                }
                if (c.template().isBlank() && used && c.isAction()) {
                    findings.add(Finding.error(f, s, SheetGrid.ref(table.templateRow(), c.index()), c.header(),
                            "the column has values but no code snippet: write the action, such as "
                                    + "$s.leaveOut(drools, \"$param\");"));
                }
                if (c.isCondition() && c.pattern().isBlank() && c.template().isBlank() && used) {
                    findings.add(Finding.error(f, s, SheetGrid.ref(table.patternRow(), c.index()), c.header(),
                            "the condition column has values but neither a fact nor a code snippet"));
                }
                checkUnbalanced(f, s, table.templateRow(), c, c.template());
            }
            if (c.isCondition() && !c.template().isBlank()) {
                Class<?> fact = factClass(file, c.pattern());
                if (fact == null && !c.pattern().isBlank() && factName(c.pattern()) != null) {
                    findings.add(Finding.error(f, s, SheetGrid.ref(table.patternRow(), c.index()), c.header(),
                            "the fact class '" + factName(c.pattern()) + "' is not found: import it in the RuleSet "
                                    + "and add its jar with --classpath"));
                }
                ColumnType.Reading reading = ColumnType.read(c.template(), fact);
                if (reading.problem() != null) {
                    findings.add(Finding.error(f, s, SheetGrid.ref(table.templateRow(), c.index()), c.header(),
                            reading.problem()));
                } else {
                    types.put(c.index(), reading.type());
                }
            }
            if (c.isAction()) {
                checkActionMethods(file, table, c);
            }
        }
        if (!hasAction) {
            findings.add(Finding.error(f, s, SheetGrid.ref(table.keywordRow(), table.firstColumn()), "",
                    "RuleTable " + table.name() + " has no ACTION column, so its rules would do nothing"));
        }
        checkRows(file, table, types);
        for (int r : table.ignoredRows()) {
            findings.add(Finding.error(f, s, "row " + (r + 1), "", "Drools ends the table at the blank row above, "
                    + "so this rule is silently ignored: delete the blank row(s) inside the table"));
        }
    }

    private void checkRows(DecisionTable file, Table table, Map<Integer, ColumnType> types) {
        String f = file.file();
        String s = table.sheet().name();
        Column nameColumn = table.nameColumn();
        List<Integer> rows = new ArrayList<>(table.dataRows());
        rows.addAll(table.ignoredRows());
        for (int r : rows) {
            if (nameColumn != null) {
                String name = table.cell(r, nameColumn).strip();
                if (!name.isEmpty()) {
                    String here = placeOf(f, s, SheetGrid.ref(r, nameColumn.index()));
                    String earlier = ruleNames.putIfAbsent(file.packageName() + "|" + name, here);
                    if (earlier != null) {
                        findings.add(Finding.error(f, s, SheetGrid.ref(r, nameColumn.index()), nameColumn.header(),
                                "the rule name '" + name + "' is already used at " + earlier
                                        + ": Drools would reject the duplicate; give each row its own name"));
                    }
                }
            }
            for (Column c : table.columns()) {
                String value = table.cell(r, c);
                if (value.isEmpty()) {
                    continue;
                }
                String ref = SheetGrid.ref(r, c.index());
                if (value.isBlank() && (c.isCondition() || c.isAction())) {
                    findings.add(Finding.warning(f, s, ref, c.header(), "the cell holds only spaces: Drools reads "
                            + "it as a value, not as blank; clear the cell"));
                    continue;
                }
                if (c.isCondition() || c.isAction()) {
                    checkUnbalanced(f, s, r, c, value);
                    if (c.template().contains("\"$param\"") && value.contains("\"")) {
                        findings.add(Finding.error(f, s, ref, c.header(), "the column already puts quotes around "
                                + "its value; remove the quotes from the cell"));
                    }
                }
                ColumnType type = types.get(c.index());
                if (type != null && c.template().contains("$param")) {
                    String problem = type.check(value);
                    if (problem != null) {
                        findings.add(Finding.error(f, s, ref, c.header(), problem));
                    }
                }
                if (c.isAction()) {
                    checkActionArguments(file, table, c, value, ref);
                }
                if (c.keyword().equals("METADATA") && CODE_METADATA.matcher(c.template()).matches()) {
                    String problem = RuleSetCompiler.codeProblem(value.strip());
                    if (problem != null) {
                        findings.add(Finding.error(f, s, ref, c.header(), problem));
                    }
                }
                if (c.keyword().equals("PRIORITY")) {
                    try {
                        Integer.parseInt(value.strip());
                    } catch (NumberFormatException e) {
                        findings.add(Finding.error(f, s, ref, c.header(), "'" + value
                                + "' is not a whole number: a priority (salience) must be one"));
                    }
                }
            }
        }
    }

    /**
     * Checks a cell's value where the column's snippet passes it to a declared action: an offer target
     * the catalog must hold, or a number in the argument's range.
     */
    private void checkActionArguments(DecisionTable file, Table table, Column c, String value, String ref) {
        for (Actions.Call call : actionCalls(file, table, c)) {
            for (int a = 0; a < call.arguments().size(); a++) {
                if (!call.arguments().get(a).equals("$param")) {
                    continue;
                }
                if (a == 0 && call.action().target()) {
                    if (catalog != null) {
                        try {
                            OfferTargets.resolve(value, catalog);
                        } catch (IllegalArgumentException e) {
                            findings.add(Finding.error(file.file(), table.sheet().name(), ref, c.header(),
                                    "offer target '" + value + "': " + e.getMessage()));
                        }
                    }
                } else {
                    String problem = Actions.outOfRange(call.action(), a, value);
                    if (problem != null) {
                        findings.add(Finding.error(file.file(), table.sheet().name(), ref, c.header(), problem));
                    }
                }
            }
        }
    }

    /** The declared actions the column's snippet calls on variables bound to facts that declare them. */
    private List<Actions.Call> actionCalls(DecisionTable file, Table table, Column c) {
        List<Actions.Call> calls = new ArrayList<>();
        Matcher m = VARIABLE_CALL.matcher(c.template());
        while (m.find()) {
            Class<?> type = variableType(file, table, m.group(1));
            if (type != null) {
                for (Actions.Call call : Actions.of(type).calls(c.template().substring(m.start(2)))) {
                    if (call.action().name().equals(m.group(2))) {
                        calls.add(call);
                    }
                    break;
                }
            }
        }
        return calls;
    }

    private void checkUnbalanced(String f, String s, int row, Column c, String text) {
        int quotes = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quotes++;
            }
        }
        if (quotes % 2 != 0) {
            findings.add(Finding.error(f, s, SheetGrid.ref(row, c.index()), c.header(),
                    "has an unbalanced quote: " + text.strip()));
        }
    }

    private void checkActionMethods(DecisionTable file, Table table, Column c) {
        Matcher m = VARIABLE_CALL.matcher(c.template());
        while (m.find()) {
            String variable = m.group(1);
            String method = m.group(2);
            Class<?> type = variableType(file, table, variable);
            if (type != null && !ColumnType.hasMethod(type, method)) {
                findings.add(Finding.error(file.file(), table.sheet().name(),
                        SheetGrid.ref(table.templateRow(), c.index()), c.header(),
                        type.getSimpleName() + " has no method '" + method + "'"
                                + Names.nearest(method, ColumnType.vocabulary(type))
                                        .map(n -> ": did you mean '" + n + "'?").orElse("")));
            }
        }
    }

    private Class<?> variableType(DecisionTable file, Table table, String variable) {
        for (Column c : table.columns()) {
            Matcher b = BINDING.matcher(c.pattern());
            if (b.find() && b.group(1).equals(variable)) {
                return load(file, b.group(2));
            }
        }
        return null;
    }

    /** The fact class a pattern cell names, or null if it cannot be loaded. */
    Class<?> factOf(DecisionTable file, String pattern) {
        return factClass(file, pattern);
    }

    private Class<?> factClass(DecisionTable file, String pattern) {
        String name = factName(pattern);
        return name == null ? null : load(file, name);
    }

    private static String factName(String pattern) {
        Matcher b = BINDING.matcher(pattern);
        if (b.find()) {
            return b.group(2);
        }
        Matcher m = FACT.matcher(pattern);
        return m.find() ? m.group(1) : null;
    }

    private Class<?> load(DecisionTable file, String name) {
        String simple = name.endsWith("...") ? name.substring(0, name.length() - 3) : name;
        List<String> candidates = new ArrayList<>();
        candidates.add(simple);
        for (String imp : file.imports()) {
            if (imp.endsWith("." + simple)) {
                candidates.add(0, imp);
            } else if (imp.endsWith(".*")) {
                candidates.add(imp.substring(0, imp.length() - 1) + simple);
            }
        }
        if (!file.packageName().isEmpty()) {
            candidates.add(file.packageName() + "." + simple);
        }
        candidates.add("java.lang." + simple);
        for (String candidate : candidates) {
            try {
                return Class.forName(candidate, false, classLoader);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next
            }
        }
        return null;
    }

    private static String placeOf(String file, String sheet, String ref) {
        return file + (sheet.isEmpty() ? "" : ", sheet " + sheet) + ", cell " + ref;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
