package io.nextbest.engine;

import io.nextbest.RuleProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.parser.ActionType.Code;
import org.drools.decisiontable.parser.RuleSheetParserUtil;

/**
 * Places an error Drools reports in the DRL it generated from a decision table at the cell it comes
 * from, in the analyst's words first and Drools' own after them: a code cell when the snippet is at
 * fault (the same in every row), a value cell when the value is, the object-type cell for a fact,
 * an attribute's cell, a cell of the RuleSet area (Import, Functions, Queries, Declare...), or the
 * row's first cell when only the row can be told.
 */
final class TablePlaces {
    private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at ([A-Z]+\\d+), header at ([A-Z]+\\d+)");
    private static final Pattern PARSER = Pattern.compile("\\[ERR \\d+] Line (\\d+):(\\d+)");
    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):?\\s*(\\n|$)");
    private static final Pattern STRICT = Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern OBJECT_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate declaration for variable '([^']+)'");
    private static final Pattern UNRESOLVED = Pattern.compile("(\\$?[\\w]+) cannot be resolved(?! to a type)");
    private static final Pattern METHOD = Pattern.compile("The method (\\w+)\\(");
    private static final Pattern IMPORT = Pattern.compile("Error importing : '([^']+)'|Only a type can be imported\\. (\\S+) "
            + "resolves|The import (\\S+) cannot be resolved");
    private static final Pattern BINDING = Pattern.compile("^\\s*(\\$?\\w+)\\s*:");
    /** DRL attribute keywords, as Drools writes them, to a table's column keywords. */
    private static final Map<String, Code> ATTRIBUTES = Map.ofEntries(Map.entry("salience", Code.SALIENCE),
            Map.entry("duration", Code.DURATION), Map.entry("timer", Code.TIMER), Map.entry("enabled", Code.ENABLED),
            Map.entry("calendars", Code.CALENDARS), Map.entry("no-loop", Code.NOLOOP),
            Map.entry("lock-on-active", Code.LOCKONACTIVE), Map.entry("auto-focus", Code.AUTOFOCUS),
            Map.entry("activation-group", Code.ACTIVATIONGROUP), Map.entry("agenda-group", Code.AGENDAGROUP),
            Map.entry("ruleflow-group", Code.RULEFLOWGROUP), Map.entry("date-effective", Code.DATEEFFECTIVE),
            Map.entry("date-expires", Code.DATEEXPIRES));

    private TablePlaces() {
    }

    /** {@code cell B12}, or {@code sheet Prices, cell B12} in a workbook. */
    static String location(SheetCells cells, int row, int column) {
        return (cells.sheet().isEmpty() ? "" : "sheet " + cells.sheet() + ", ") + "cell " + SheetCells.ref(row, column);
    }

    /** A place found for an error, and the sentence that says what is wrong there. */
    private record Place(int row, int column, String plain) {
    }

    /** An error Drools' build reports at a DRL line (0 or less when it gives none) of a table's DRL. */
    static RuleProblem ofBuild(DrlUnit unit, int line, String text) {
        SheetCells cells = unit.cells();
        String t = text == null ? "" : text;
        Place place = place(unit, line, t);
        String drools = droolsWords(t);
        if (place == null) {
            String rowPlace = line > 0 ? unit.placeOf(line) : "";
            return new RuleProblem(unit.file(), rowPlace.isEmpty() && !cells.sheet().isEmpty() ? "sheet " + cells.sheet()
                    : rowPlace, "Drools cannot compile the table. Drools says: " + drools);
        }
        return new RuleProblem(unit.file(), location(cells, place.row(), place.column()),
                place.plain() + ". Drools says: " + drools);
    }

    private static Place place(DrlUnit unit, int line, String text) {
        SheetCells cells = unit.cells();
        String[] lines = unit.drl().split("\n", -1);
        Place imported = importSetting(cells, text);
        if (imported != null) {
            return imported;
        }
        int column = -1;
        Matcher parser = PARSER.matcher(text);
        if (parser.find()) {
            line = Integer.parseInt(parser.group(1));
            column = Integer.parseInt(parser.group(2));
        }
        Matcher expression = EXPRESSION.matcher(text);
        String expr = expression.find() ? expression.group(1).strip() : null;
        if (line <= 0 && expr != null) {
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(expr)) {
                    line = i + 1;
                    break;
                }
            }
        }
        if (line <= 0 || line > lines.length) {
            return null;
        }
        Integer ruleLine = unit.places().floorKey(line);
        if (ruleLine == null) {
            return setting(cells, lines[line - 1]);
        }
        for (int i = ruleLine; i < line - 1; i++) {
            if (lines[i].strip().equals("end")) {
                return null; // after the rule: what follows from an error already reported
            }
        }
        Row row = row(cells, lines, ruleLine);
        if (row == null) {
            return null;
        }
        boolean escape = escapeQuotes(cells);
        Matcher objectType = OBJECT_TYPE.matcher(text);
        if (objectType.find()) {
            return factPlace(row, objectType.group(1), "Drools cannot find the fact class '" + objectType.group(1)
                    + "': import it in the RuleSet's Import cell and put its class on the class path");
        }
        Matcher duplicate = DUPLICATE.matcher(text);
        if (duplicate.find()) {
            return duplicateBinding(row, duplicate.group(1));
        }
        Place attribute = attribute(cells, row, lines, ruleLine, line, text);
        if (attribute != null) {
            return attribute;
        }
        Matcher unresolved = UNRESOLVED.matcher(text);
        if (unresolved.find()) {
            Place unbound = unboundVariable(row, unresolved.group(1));
            if (unbound != null) {
                return unbound;
            }
        }
        String identifier = identifier(text);
        String section = section(lines, ruleLine, line);
        String lineText = lines[line - 1];
        if (section.equals("when") || (section.isEmpty() && expr != null)) {
            Place condition = condition(row, lineText, column, expr, identifier, escape);
            if (condition != null) {
                return condition;
            }
        }
        Place action = action(row, section.equals("then") ? lineText : null, identifier, escape);
        if (action != null) {
            return action;
        }
        return new Place(row.index, row.table.column(), "the rule of this row does not compile");
    }

    /** A rule's row, and the table it is in. */
    private static final class Row {
        final SheetCells cells;
        final SheetCells.Table table;
        final int index;

        Row(SheetCells cells, SheetCells.Table table, int index) {
            this.cells = cells;
            this.table = table;
            this.index = index;
        }

        String value(SheetCells.Column c) {
            return cells.cell(index, c.index());
        }

        List<SheetCells.Column> filled(Code code) {
            List<SheetCells.Column> found = new ArrayList<>();
            for (SheetCells.Column c : table.columns()) {
                if (c.code() == code && !value(c).isEmpty()) {
                    found.add(c);
                }
            }
            return found;
        }
    }

    /** The row of the rule that starts at a DRL line, from the comment Drools writes above it. */
    private static Row row(SheetCells cells, String[] lines, int ruleLine) {
        for (int i = ruleLine - 2; i >= Math.max(0, ruleLine - 4); i--) {
            Matcher m = ROW_COMMENT.matcher(lines[i]);
            if (m.find()) {
                int[] values = SheetCells.at(m.group(1));
                int[] header = SheetCells.at(m.group(2));
                SheetCells.Table table = cells.tableAt(header[0], header[1]);
                return table == null ? null : new Row(cells, table, values[0]);
            }
        }
        return null;
    }

    /** The part of a rule a line is in: attributes (empty), {@code when} or {@code then}. */
    private static String section(String[] lines, int ruleLine, int line) {
        String section = "";
        for (int i = ruleLine; i < line; i++) {
            String l = lines[i].strip();
            if (l.equals("when")) {
                section = "when";
            } else if (l.equals("then")) {
                section = "then";
            }
        }
        return section;
    }

    private static Place condition(Row row, String lineText, int column, String expr, String identifier,
                                   boolean escape) {
        int searchFrom = 0;
        for (SheetCells.Column c : row.filled(Code.CONDITION)) {
            CellSnippets.Snippet s = CellSnippets.of(c, row.value(c), escape);
            int start = s.text().isEmpty() ? -1 : lineText.indexOf(s.text(), searchFrom);
            if (start < 0) {
                continue;
            }
            int end = start + s.text().length();
            int offset = -1;
            if (column >= 0) {
                offset = column;
            } else if (expr != null && s.text().contains(expr)) {
                int at = identifier == null ? -1 : expr.indexOf(identifier);
                offset = start + s.text().indexOf(expr) + Math.max(at, 0);
            } else if (identifier != null && s.text().contains(identifier)) {
                offset = start + s.text().indexOf(identifier);
            }
            if (offset >= start && offset < end) {
                return cellOf(row, c, s, offset - start, "condition", identifier);
            }
            if (column >= 0 && offset < start && patternStarts(lineText, c)) {
                return new Place(row.table.patternRow(), c.patternColumn(), "the fact `" + c.pattern()
                        + "` does not compile");
            }
            searchFrom = end;
        }
        return null;
    }

    private static boolean patternStarts(String lineText, SheetCells.Column c) {
        return !c.pattern().isBlank() && lineText.contains(c.pattern().strip());
    }

    private static Place action(Row row, String lineText, String identifier, boolean escape) {
        List<SheetCells.Column> actions = new ArrayList<>(row.filled(Code.ACTION));
        actions.addAll(row.filled(Code.METADATA));
        for (SheetCells.Column c : actions) {
            CellSnippets.Snippet s = CellSnippets.of(c, row.value(c), escape);
            String kind = c.code() == Code.METADATA ? "annotation" : "action";
            if (identifier != null && s.text().contains(identifier)) {
                return cellOf(row, c, s, s.text().indexOf(identifier), kind, identifier);
            }
            if (lineText != null && !lineText.isBlank() && s.text().contains(lineText.strip())) {
                return cellOf(row, c, s, -1, kind, identifier);
            }
        }
        return null;
    }

    /** The code cell or the value cell of a column, by whether the offset in its snippet came from the value. */
    private static Place cellOf(Row row, SheetCells.Column c, CellSnippets.Snippet s, int offset, String kind,
                                String identifier) {
        String value = row.value(c);
        boolean inValue = offset >= 0 ? s.inValue(offset) : s.values().isEmpty() || !c.template().contains("$");
        if (offset < 0 && !s.values().isEmpty()) {
            inValue = false;
        }
        if (inValue) {
            String why = identifier != null && value.contains(identifier) && identifier.matches("[A-Za-z_]\\w*")
                    ? ": Drools reads '" + identifier + "' as a name, which it does not know here (a text needs quotes)"
                    : "";
            return new Place(row.index, c.index(), "the value '" + value + "' makes the " + kind + " `" + s.text()
                    + "`, which does not compile" + why);
        }
        String why = identifier != null && c.template().contains(identifier) ? ": '" + identifier
                + "' is not known there" : "";
        return new Place(row.table.templateRow(), c.index(), "the " + kind + " `" + c.template() + "` does not compile"
                + why);
    }

    /** The object-type cell of the condition columns of the row that name a class. */
    private static Place factPlace(Row row, String className, String plain) {
        for (SheetCells.Column c : row.filled(Code.CONDITION)) {
            if (c.pattern().matches("(?s).*\\b" + Pattern.quote(className) + "\\b.*")) {
                return new Place(row.table.patternRow(), c.patternColumn(), plain);
            }
        }
        return new Place(row.index, row.table.column(), plain);
    }

    /** A variable bound by two patterns of the row: the second pattern cell. */
    private static Place duplicateBinding(Row row, String variable) {
        List<Integer> patterns = new ArrayList<>();
        for (SheetCells.Column c : row.filled(Code.CONDITION)) {
            Matcher b = BINDING.matcher(c.pattern());
            if (b.find() && b.group(1).equals(variable) && !patterns.contains(c.patternColumn())) {
                patterns.add(c.patternColumn());
            }
        }
        if (patterns.size() < 2) {
            return new Place(row.index, row.table.column(), variable + " is bound twice in the rule of this row");
        }
        return new Place(row.table.patternRow(), patterns.get(1), variable + " is bound to a fact here and in "
                + SheetCells.ref(row.table.patternRow(), patterns.get(0)) + ", so each rule would declare it twice: "
                + "to read one fact in several columns, merge their object-type cells (in CSV, end each of them with ...)");
    }

    /** A rule's attribute (timer, date-effective, ...) Drools refuses: its column's cell, or the RuleSet setting. */
    private static Place attribute(SheetCells cells, Row row, String[] lines, int ruleLine, int line, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = ruleLine; i < lines.length && !lines[i].strip().equals("when"); i++) {
            String l = lines[i].strip();
            for (Map.Entry<String, Code> a : ATTRIBUTES.entrySet()) {
                if (!l.startsWith(a.getKey() + " ") || !(lower.contains(a.getKey()) || i + 1 == line)) {
                    continue;
                }
                String keyword = a.getValue().getColHeader();
                for (SheetCells.Column c : row.table.columns()) {
                    if (c.code() == a.getValue() && !row.value(c).isEmpty()) {
                        return new Place(row.index, c.index(), attributeWords(keyword, row.value(c)));
                    }
                }
                for (SheetCells.Setting s : cells.settings(keyword)) {
                    return new Place(s.row(), s.column(), attributeWords(keyword, s.value()));
                }
            }
        }
        return null;
    }

    private static String attributeWords(String keyword, String value) {
        String example = switch (keyword) {
            case "TIMER" -> " (such as int: 30s, int: 0s 1m, or cron: 0 0 9 * * ?)";
            case "DATE-EFFECTIVE", "DATE-EXPIRES" -> " (a date such as 1-Jan-2026)";
            case "CALENDARS" -> " (the names of calendars, such as \"weekdays\")";
            default -> "";
        };
        return "'" + value + "' is not a " + keyword + " Drools can read" + example;
    }

    /**
     * A variable the action uses that no pattern of the row binds: the row left every condition of that
     * pattern blank, so Drools wrote the rule without it.
     */
    private static Place unboundVariable(Row row, String variable) {
        String pattern = null;
        boolean used = false;
        for (SheetCells.Column c : row.table.columns()) {
            Matcher b = BINDING.matcher(c.pattern());
            if (c.code() == Code.CONDITION && b.find() && b.group(1).equals(variable)) {
                pattern = c.pattern().strip();
                used |= !row.value(c).isEmpty();
            }
        }
        if (pattern == null || used) {
            return null;
        }
        boolean noCondition = row.filled(Code.CONDITION).isEmpty();
        return new Place(row.index, row.table.column(), (noCondition ? "this row has no condition"
                : "this row leaves every condition on `" + pattern + "` blank") + ", so Drools writes its rule without "
                + "the pattern `" + pattern + "` and the action cannot use " + variable + ": give the row a condition "
                + "(a rule that holds in every case belongs in a .drl file, where `" + pattern + "()` can stand alone)");
    }

    /** A problem with an import: the Import cell that names the class, or the Functions cell of a function. */
    private static Place importSetting(SheetCells cells, String text) {
        Matcher m = IMPORT.matcher(text);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        for (SheetCells.Setting s : cells.settings("Import")) {
            for (String imported : s.value().split(",")) {
                if (imported.strip().equals(name)) {
                    return new Place(s.row(), s.column(), "the import '" + name + "' is not a class on the class path: "
                            + "check its spelling, and that the jar that holds it is given");
                }
            }
        }
        String simple = name.substring(name.lastIndexOf('.') + 1);
        for (SheetCells.Setting s : cells.settings("Functions")) {
            if (s.value().toLowerCase(Locale.ROOT).contains(simple.toLowerCase(Locale.ROOT) + "(")
                    || s.value().toLowerCase(Locale.ROOT).contains(" " + simple.toLowerCase(Locale.ROOT))) {
                return new Place(s.row(), s.column(), "the function in this cell does not compile");
            }
        }
        return null;
    }

    /** A line of the DRL before the first rule: the setting of the RuleSet area it was written from. */
    private static Place setting(SheetCells cells, String lineText) {
        String l = lineText.strip();
        if (l.isEmpty()) {
            return null;
        }
        for (SheetCells.Setting s : cells.settings()) {
            String v = s.value().strip();
            if (!v.isEmpty() && (v.contains(l) || l.contains(v))) {
                return new Place(s.row(), s.column(), "the " + settingName(s.key()) + " in this cell does not compile");
            }
        }
        return null;
    }

    private static String settingName(String key) {
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "functions" -> "function";
            case "queries" -> "query";
            case "declare" -> "declaration";
            case "variables" -> "variable";
            case "import" -> "import";
            default -> key;
        };
    }

    private static boolean escapeQuotes(SheetCells cells) {
        List<SheetCells.Setting> s = cells.settings("EscapeQuotes");
        return s.isEmpty() || RuleSheetParserUtil.isStringMeaningTrue(s.get(0).value());
    }

    /** The name an error is about: a field or method Drools cannot resolve, or a variable it does not know. */
    private static String identifier(String text) {
        Matcher strict = STRICT.matcher(text);
        if (strict.find()) {
            return strict.group(2);
        }
        Matcher method = METHOD.matcher(text);
        if (method.find()) {
            return method.group(1);
        }
        Matcher unresolved = UNRESOLVED.matcher(text);
        if (unresolved.find()) {
            return unresolved.group(1);
        }
        return null;
    }

    /**
     * Where a line of a table's DRL that calls an action with {@code value} comes from: the action's
     * value cell or code cell, or the row when that cannot be told.
     */
    static String actionLocation(DrlUnit unit, int line, String value) {
        String[] lines = unit.drl().split("\n", -1);
        Integer ruleLine = unit.places().floorKey(line);
        Row row = ruleLine == null ? null : row(unit.cells(), lines, ruleLine);
        Place place = row == null ? null : action(row, lines[line - 1], value, escapeQuotes(unit.cells()));
        return place == null ? unit.placeOf(line) : location(unit.cells(), place.row(), place.column());
    }

    /** Drools' message without what points into the DRL the analyst never sees (its line numbers, the DRL near). */
    static String droolsWords(String text) {
        String t = text.replaceAll("\\[Near : \\{.*?}]", "")
                .replaceAll("(?m)^\\s*\\^\\s*$", "")
                .replaceAll("\\[Line: \\d+, Column: \\d+]", "")
                .replaceAll("Line \\d+:\\d+ ", "")
                .replaceAll("\\s+", " ")
                .strip();
        return t.length() > 400 ? t.substring(0, 400) + "..." : t;
    }
}
