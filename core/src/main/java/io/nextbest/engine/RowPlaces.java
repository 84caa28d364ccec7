package io.nextbest.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.parser.ActionType.Code;

/**
 * Places an error within the rule of one table row: at the code cell of a column when its snippet is at
 * fault, at the value cell when the value is, at an object-type cell for a fact, at an attribute's
 * cell, or at the row's first cell when the row as a whole is (a row that leaves a pattern out).
 */
final class RowPlaces {
    private static final Pattern BINDING = Pattern.compile("^\\s*(\\$?\\w+)\\s*:");
    /** DRL attribute keywords, as Drools writes them, to a table's column keywords. */
    private static final Map<String, Code> ATTRIBUTES = Map.ofEntries(Map.entry("salience", Code.SALIENCE),
            Map.entry("duration", Code.DURATION), Map.entry("timer", Code.TIMER), Map.entry("enabled", Code.ENABLED),
            Map.entry("calendars", Code.CALENDARS), Map.entry("no-loop", Code.NOLOOP),
            Map.entry("lock-on-active", Code.LOCKONACTIVE), Map.entry("auto-focus", Code.AUTOFOCUS),
            Map.entry("activation-group", Code.ACTIVATIONGROUP), Map.entry("agenda-group", Code.AGENDAGROUP),
            Map.entry("ruleflow-group", Code.RULEFLOWGROUP), Map.entry("date-effective", Code.DATEEFFECTIVE),
            Map.entry("date-expires", Code.DATEEXPIRES));

    private RowPlaces() {
    }

    /** A place found for an error, and the sentence that says what is wrong there. */
    record Place(int row, int column, String plain) {
    }

    /** A rule's row, and the table it is in. */
    static final class Row {
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

    /**
     * A condition column of the row whose snippet, as Drools writes it into the DRL line, holds the place
     * of the error: the character at {@code column} of the line, the expression {@code expr} Drools could
     * not analyse, or the name {@code identifier} it could not resolve. Null if none does.
     */
    static Place condition(Row row, String lineText, int column, String expr, String identifier, boolean escape) {
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

    /**
     * The action (or METADATA) column of the row whose statement holds the name {@code identifier}, or
     * the DRL line {@code lineText}. Null if none does.
     */
    static Place action(Row row, String lineText, String identifier, boolean escape) {
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
        if (offset >= 0 && s.inValue(offset)) {
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
    static Place factPlace(Row row, String className, String plain) {
        for (SheetCells.Column c : row.filled(Code.CONDITION)) {
            if (c.pattern().matches("(?s).*\\b" + Pattern.quote(className) + "\\b.*")) {
                return new Place(row.table.patternRow(), c.patternColumn(), plain);
            }
        }
        return new Place(row.index, row.table.column(), plain);
    }

    /** A variable bound by two patterns of the row: the second pattern cell. */
    static Place duplicateBinding(Row row, String variable) {
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
                + "to read one fact in several columns, merge their object-type cells (in CSV, end each of them "
                + "with ...)");
    }

    /** A rule's attribute (timer, date-effective, ...) Drools refuses: its column's cell, or the RuleSet setting. */
    static Place attribute(SheetCells cells, Row row, String[] lines, int ruleLine, int line, String text) {
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
    static Place unboundVariable(Row row, String variable) {
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
}
