package io.nextbest.validation;

import io.nextbest.OfferCatalog;
import io.nextbest.catalog.OfferTargets;
import io.nextbest.engine.Actions;
import io.nextbest.engine.RuleSetCompiler;
import io.nextbest.facts.Situation;
import io.nextbest.text.Names;
import io.nextbest.validation.DecisionTable.Column;
import io.nextbest.validation.DecisionTable.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a decision table cell by cell before Drools compiles it, so that every message names the
 * sheet, the cell and the column's header. Its errors are what Drools would reject, found without
 * compiling, so that a large broken workbook is answered at once: imports and fact classes that are
 * not on the class path, fields and methods a fact lacks, values Drools cannot read, duplicate rule
 * names; and, for nextbest's own fact, offer targets the catalog does not hold, numbers out of range
 * and malformed reason codes. Its warnings are what Drools compiles but an analyst likely did not mean:
 * rows lost after a blank row, keywords read by their first letter, a table without actions, tables on
 * sheets that are not read, fractions for whole units, stray quotes and spaces.
 */
final class TableChecker {
    /** A METADATA column that sets each row's reason code. */
    private static final Pattern CODE_METADATA = Pattern.compile("\\s*@?" + RuleSetCompiler.CODE
            + "\\s*\\(\\s*\"?\\$param\"?\\s*\\)\\s*");
    private static final Pattern VARIABLE_CALL = Pattern.compile("(\\$[A-Za-z_]\\w*)\\s*\\.\\s*([A-Za-z_]\\w*)\\s*\\(");
    /** A called name; it starts where no word character is before it, so a long word is not tried at each of its letters. */
    private static final Pattern CALLED = Pattern.compile("(?<!\\w)([A-Za-z_]\\w*)\\s*\\(");
    private static final Pattern TYPOGRAPHIC = Pattern.compile("[\u201C\u201D\u2018\u2019\u201E\u00AB\u00BB]");

    private final OfferCatalog catalog;
    /** Rule names across the pack, with the place each was first seen. */
    private final Map<String, String> ruleNames;
    private final List<Finding> findings = new ArrayList<>();
    /** Classes whose import is already reported: a pattern naming one is not reported again. */
    private final Set<String> missingImports = new HashSet<>();
    private final FactClasses facts;

    TableChecker(ClassLoader classLoader, OfferCatalog catalog, Map<String, String> ruleNames) {
        this.facts = new FactClasses(classLoader);
        this.catalog = catalog;
        this.ruleNames = ruleNames;
    }

    List<Finding> check(DecisionTable file) {
        checkImports(file);
        for (Table table : file.tables()) {
            checkTable(file, table);
        }
        for (Table table : file.unreadTables()) {
            findings.add(Finding.warning(file.file(), table.sheet().name(), SheetGrid.ref(table.row(),
                    table.firstColumn()), "", "RuleTable " + table.name() + " is on a sheet Drools does not read: "
                    + "it reads a workbook's first sheet unless told otherwise. Move the table to the first sheet, "
                    + "or write sheets=all in the pack's pack.properties to read every sheet"));
        }
        return List.copyOf(findings);
    }

    /**
     * The imports of the sheets Drools reads: the first check of a file, and the only one of a file whose
     * reading stopped at its first table because an import does not resolve.
     */
    List<Finding> checkImports(DecisionTable file) {
        findings.clear();
        missingImports.clear();
        Set<SheetGrid> read = new LinkedHashSet<>();
        for (Table table : file.tables()) {
            read.add(table.sheet());
        }
        for (SheetGrid sheet : read) {
            checkImports(file, sheet);
        }
        return List.copyOf(findings);
    }

    /** Every class a sheet imports must load: Drools refuses a file with an import it cannot resolve. */
    private void checkImports(DecisionTable file, SheetGrid sheet) {
        DecisionTable.Settings settings = file.settings(sheet);
        for (String imported : settings.imports()) {
            if (settings.declaredTypes().contains(FactClasses.simpleName(imported)) || facts.resolves(imported)) {
                continue;
            }
            missingImports.add(FactClasses.simpleName(imported));
            findings.add(Finding.error(file.file(), sheet.name(), settings.importCells().getOrDefault(imported, ""), "",
                    "the import '" + imported + "' is not a class on the class path: check its spelling, and give the "
                            + "jar that holds it (nextbest validate --classpath)"));
        }
    }

    private void checkTable(DecisionTable file, Table table) {
        SheetGrid sheet = table.sheet();
        String f = file.file();
        String s = sheet.name();
        if (table.columns().isEmpty()) {
            findings.add(Finding.warning(f, s, SheetGrid.ref(table.row(), table.firstColumn()), "",
                    "RuleTable " + table.name() + " has no row of CONDITION and ACTION keywords under it"));
            return;
        }
        boolean hasAction = false;
        Map<Integer, ColumnType> types = new HashMap<>();
        for (Column c : table.columns()) {
            String ref = SheetGrid.ref(table.keywordRow(), c.index());
            if (!c.rawKeyword().equals(c.rawKeyword().strip())) {
                findings.add(Finding.warning(f, s, ref, c.header(), "the keyword '" + c.rawKeyword()
                        + "' has stray spaces; write '" + c.rawKeyword().strip() + "'"));
            }
            if (!c.keyword().isEmpty() && !c.exact()) {
                findings.add(Finding.warning(f, s, ref, c.header(), "Drools reads '" + c.rawKeyword().strip()
                        + "' as " + c.keyword() + ", by its first letter: write " + c.keyword()
                        + (c.keyword().equals("CONDITION") ? "" : ", or CONDITION if the column is a condition")));
            }
            if (!c.label().equals(c.label().strip())) {
                findings.add(Finding.warning(f, s, SheetGrid.ref(table.labelRow(), c.index()), c.header(),
                        "the header has stray spaces around it"));
            }
            hasAction |= c.isAction();
            boolean used = used(table, c);
            if ((c.isCondition() || c.isAction()) && used) {
                checkUnbalanced(f, s, table.templateRow(), c, c.template());
                if (TYPOGRAPHIC.matcher(c.template()).find()) {
                    findings.add(Finding.warning(f, s, SheetGrid.ref(table.templateRow(), c.index()), c.header(),
                            "has typographic quotes (\u201C \u201D or \u2018 \u2019), which are not quotes in code; "
                                    + "type straight quotes \" instead (turn off smart quotes in the editor)"));
                }
            }
            if (c.isCondition() && patternUsed(table, c) && patternStart(table, c) == c.index()) {
                String fact = FactClasses.factName(c.pattern());
                if (fact != null && !table.settings().declaredTypes().contains(fact)
                        && !missingImports.contains(FactClasses.simpleName(fact)) && facts.of(table, c.pattern()) == null) {
                    findings.add(Finding.error(f, s, SheetGrid.ref(table.patternRow(), c.index()), c.header(),
                            "the fact class '" + fact + "' is not found: import it in the RuleSet and put its class "
                                    + "on the class path (nextbest validate --classpath)"));
                }
            }
            if (c.isCondition() && !c.template().isBlank() && used) {
                Class<?> fact = facts.of(table, c.pattern());
                ColumnType.Reading reading = ColumnType.read(c.template(), fact);
                if (reading.problem() != null && !callsFunction(table, c.template())) {
                    findings.add(Finding.error(f, s, SheetGrid.ref(table.templateRow(), c.index()), c.header(),
                            reading.problem()));
                } else if (reading.type() != null) {
                    types.put(c.index(), reading.type());
                }
            }
            if (c.isAction() && used) {
                checkActionMethods(file, table, c);
            }
        }
        if (!hasAction) {
            findings.add(Finding.warning(f, s, SheetGrid.ref(table.row(), table.firstColumn()), "",
                    "RuleTable " + table.name() + " has no ACTION column: Drools compiles its rules, but they do "
                            + "nothing when they fire"));
        }
        checkRows(file, table, types);
        for (int r : table.ignoredRows()) {
            findings.add(Finding.warning(f, s, SheetGrid.ref(r, table.firstColumn()), "", "Drools ends the table at "
                    + "the blank row above, so this rule is silently ignored: delete the blank row(s) inside the table"));
        }
    }

    private void checkRows(DecisionTable file, Table table, Map<Integer, ColumnType> types) {
        String f = file.file();
        String s = table.sheet().name();
        Column nameColumn = table.nameColumn();
        Set<String> names = knownNames(table);
        boolean situation = aboutSituation(table);
        Map<Integer, List<Actions.Call>> calls = new HashMap<>();
        for (Column c : table.columns()) {
            if (c.isAction()) {
                calls.put(c.index(), actionCalls(table, c));
            }
        }
        for (int r : table.dataRows()) {
            if (nameColumn != null) {
                String name = table.cell(r, nameColumn).strip();
                if (!name.isEmpty()) {
                    String here = placeOf(f, s, SheetGrid.ref(r, nameColumn.index()));
                    String earlier = ruleNames.putIfAbsent(table.settings().packageName() + "|" + name, here);
                    if (earlier != null) {
                        findings.add(Finding.error(f, s, SheetGrid.ref(r, nameColumn.index()), nameColumn.header(),
                                "the rule name '" + name + "' is already used at " + earlier
                                        + ": Drools rejects the duplicate; give each row its own name"));
                    }
                }
            }
            for (Column c : table.columns()) {
                String value = table.cell(r, c).strip();
                if (value.isEmpty()) {
                    continue;
                }
                String ref = SheetGrid.ref(r, c.index());
                if (c.isCondition() || c.isAction()) {
                    checkQuotes(f, s, ref, table, c, value);
                }
                ColumnType type = types.get(c.index());
                if (type != null && c.template().contains("$param")) {
                    String problem = type.check(value, names);
                    if (problem != null) {
                        findings.add(Finding.error(f, s, ref, c.header(), problem));
                    } else if (type.warning(value) != null) {
                        findings.add(Finding.warning(f, s, ref, c.header(), type.warning(value)));
                    }
                }
                if (c.isAction()) {
                    checkActionArguments(file, table, c, calls.get(c.index()), value, ref);
                }
                if (situation && c.keyword().equals("METADATA") && CODE_METADATA.matcher(c.template()).matches()) {
                    String problem = RuleSetCompiler.codeProblem(value);
                    if (problem != null) {
                        findings.add(Finding.error(f, s, ref, c.header(), problem));
                    }
                }
            }
        }
    }

    /**
     * Quotes in a value: Drools escapes a quote inside a value (EscapeQuotes), drops quotes, straight or
     * typographic, around the value of a column that quotes its values itself, and keeps any others.
     */
    private void checkQuotes(String f, String s, String ref, Table table, Column c, String value) {
        boolean quotedTemplate = c.template().contains("\"$param\"");
        boolean typographic = TYPOGRAPHIC.matcher(value).find();
        if (quotedTemplate && value.indexOf('"') > 0 && table.escapeQuotes()) {
            findings.add(Finding.warning(f, s, ref, c.header(), "the column already puts quotes around its value, "
                    + "so the quotes in the cell become part of the text compared; remove them if they are not"));
        } else if (typographic && (quotedTemplate || c.isAction())) {
            findings.add(Finding.warning(f, s, ref, c.header(), "has typographic quotes (\u201C \u201D or \u2018 "
                    + "\u2019), which become part of the text; type straight quotes \" if you meant quotes"));
        } else if (typographic && c.template().contains("$param")) {
            findings.add(Finding.warning(f, s, ref, c.header(), "has typographic quotes (\u201C \u201D or \u2018 "
                    + "\u2019), which Drools does not read as quotes; type straight quotes \" instead"));
        }
    }

    /** True if some rule row has a value in the column: Drools writes nothing of a column no row uses. */
    private static boolean used(Table table, Column c) {
        for (int r : table.dataRows()) {
            if (!table.cell(r, c).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** True if some rule row has a value in a column that shares the column's pattern (merged or ...). */
    private static boolean patternUsed(Table table, Column c) {
        int start = patternStart(table, c);
        for (Column other : table.columns()) {
            if (other.isCondition() && patternStart(table, other) == start && used(table, other)) {
                return true;
            }
        }
        return false;
    }

    /** The column whose object-type cell a column's pattern is: its own, or the first of a merged range. */
    private static int patternStart(Table table, Column c) {
        int start = table.sheet().mergedStart(table.patternRow(), c.index());
        return start >= 0 ? start : c.index();
    }

    /** A condition that calls a function of the RuleSet's Functions, which no fact class has. */
    private static boolean callsFunction(Table table, String template) {
        Matcher m = CALLED.matcher(template);
        return m.find() && table.settings().functions().contains(m.group(1));
    }

    /**
     * Checks a cell's value where the column's snippet passes it to a declared action: an offer target
     * the catalog must hold, or a number in the argument's range.
     */
    private void checkActionArguments(DecisionTable file, Table table, Column c, List<Actions.Call> calls, String value,
                                      String ref) {
        for (Actions.Call call : calls) {
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
                                    "offer target '" + value + "': " + (TYPOGRAPHIC.matcher(value).find()
                                            ? "has typographic quotes (\u201C \u201D or \u2018 \u2019), which become "
                                            + "part of the target; type it without them. " : "") + e.getMessage()));
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
    private List<Actions.Call> actionCalls(Table table, Column c) {
        List<Actions.Call> calls = new ArrayList<>();
        Matcher m = VARIABLE_CALL.matcher(c.template());
        while (m.find()) {
            Class<?> type = facts.variable(table, m.group(1));
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
            boolean charLiteral = i > 0 && i + 1 < text.length() && text.charAt(i - 1) == '\''
                    && text.charAt(i + 1) == '\'';
            if (text.charAt(i) == '"' && (i == 0 || text.charAt(i - 1) != '\\') && !charLiteral) {
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
            Class<?> type = facts.variable(table, variable);
            if (type != null && !ColumnType.hasMethod(type, method)) {
                findings.add(Finding.error(file.file(), table.sheet().name(),
                        SheetGrid.ref(table.templateRow(), c.index()), c.header(),
                        type.getSimpleName() + " has no method '" + method + "'"
                                + Names.nearest(method, ColumnType.vocabulary(type))
                                        .map(n -> ": did you mean '" + n + "'?").orElse("")));
            }
        }
    }

    /** The names a word in a value could be: the properties of the table's facts and the sheet's variables. */
    private Set<String> knownNames(Table table) {
        Set<String> names = new HashSet<>(table.settings().globals().keySet());
        for (Column c : table.columns()) {
            if (c.isCondition()) {
                Class<?> fact = facts.of(table, c.pattern());
                if (fact != null) {
                    names.addAll(ColumnType.vocabulary(fact));
                }
            }
        }
        return names;
    }

    /** True if a condition of the table reads nextbest's Situation, whose actions and codes nextbest checks. */
    private boolean aboutSituation(Table table) {
        for (Column c : table.columns()) {
            if (c.isCondition() && facts.of(table, c.pattern()) == Situation.class) {
                return true;
            }
        }
        return false;
    }

    private static String placeOf(String file, String sheet, String ref) {
        return file + (sheet.isEmpty() ? "" : ", sheet " + sheet) + ", cell " + ref;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
