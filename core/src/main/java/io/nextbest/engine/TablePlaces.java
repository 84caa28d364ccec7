package io.nextbest.engine;

import io.nextbest.RuleProblem;
import io.nextbest.engine.RowPlaces.Place;
import io.nextbest.engine.RowPlaces.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.parser.RuleSheetParserUtil;

/**
 * Places an error Drools reports in the DRL it generated from a decision table at the cell it comes
 * from, in the analyst's words first and Drools' own after them: a code cell when the snippet is at
 * fault (the same in every row), a value cell when the value is, the object-type cell for a fact,
 * an attribute's cell, a cell of the RuleSet area (Import, Functions, Queries, Declare...), or the
 * row's first cell when only the row can be told.
 */
final class TablePlaces {
    private static final Pattern ROW_COMMENT = Pattern.compile(
            "^// rule values at ([A-Z]+\\d+), header at ([A-Z]+\\d+)");
    private static final Pattern PARSER = Pattern.compile("\\[ERR \\d+] Line (\\d+):(\\d+)");
    private static final Pattern EXPRESSION = Pattern.compile("Unable to Analyse Expression (.+?):?\\s*(\\n|$)");
    private static final Pattern FIELD_READER = Pattern.compile(
            "Field Reader does not exist for declaration '[^']+' in '([^']+)'");
    private static final Pattern STRICT = Pattern.compile(
            "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern OBJECT_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate declaration for variable '([^']+)'");
    // A name starts where no word character is before it: without the look-behind, each position of a
    // 30,000-character word in Drools' message would be tried in turn, each to the end of the word.
    private static final Pattern UNRESOLVED = Pattern.compile("(?<![\\w$])(\\$?\\w+) cannot be resolved(?! to a type)");
    private static final Pattern METHOD = Pattern.compile("The method (\\w+)\\(");
    /** How Drools' DRL parser begins the message of an exception of its own. */
    static final String PARSER_BROKE_DOWN = "Unexpected error: ";
    private static final String BROKE_DOWN_WORDS = "Drools' parser stopped with an error of its own (\""
            + PARSER_BROKE_DOWN.strip() + "\") and named no line";
    private static final Pattern DECLARED = Pattern.compile("^\\s*(?:import|global)\\s+|;\\s*$");
    private static final Pattern JAVA_EXCEPTION = Pattern.compile(
            "\\s*\\b(?:java|javax|jdk|sun|org|com)\\.[\\w.$]*\\.[A-Z]\\w*(?:Exception|Error)\\b.*", Pattern.DOTALL);
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0E-\\x1F\\x7F]");
    private static final Pattern IMPORT = Pattern.compile("Error importing : '([^']+)'"
            + "|Only a type can be imported\\. (\\S+) resolves|The import (\\S+) cannot be resolved");

    private TablePlaces() {
    }

    /** {@code cell B12}, or {@code sheet Prices, cell B12} in a workbook. */
    static String location(SheetCells cells, int row, int column) {
        return (cells.sheet().isEmpty() ? "" : "sheet " + cells.sheet() + ", ") + "cell " + SheetCells.ref(row, column);
    }

    /** An error Drools' build reports at a DRL line (0 or less when it gives none) of a table's DRL. */
    static RuleProblem ofBuild(DrlUnit unit, int line, String text) {
        SheetCells cells = unit.cells();
        String t = text == null ? "" : text;
        if (t.startsWith(PARSER_BROKE_DOWN)) {
            return ofParserBreakdown(unit);
        }
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

    /**
     * Drools' parser stopped on an exception of its own: {@code Unexpected error: } and the exception's text, with no
     * line. That text is about the parser's workings, not the table, so it is not passed on. The cause seen is a
     * character DRL has no token for, outside a string (a backtick in a code cell): it is placed at its cell; when
     * none is found, the table's RuleTable cell is named.
     */
    private static RuleProblem ofParserBreakdown(DrlUnit unit) {
        SheetCells cells = unit.cells();
        Stray stray = strayCharacter(unit.drl());
        if (stray != null) {
            Place place = place(unit, stray.line(), "[ERR 100] Line " + stray.line() + ":" + stray.column() + " ");
            if (place != null) {
                return new RuleProblem(unit.file(), location(cells, place.row(), place.column()), place.plain()
                        + ": it holds " + stray.what() + ". " + BROKE_DOWN_WORDS);
            }
        }
        SheetCells.Table table = cells.firstTable();
        String where = table != null ? location(cells, table.row(), table.column())
                : cells.sheet().isEmpty() ? "" : "sheet " + cells.sheet();
        return new RuleProblem(unit.file(), where, "the rules of this table cannot be read: " + BROKE_DOWN_WORDS
                + "; look in its code cells and values for a character DRL does not allow outside a string");
    }

    /** {@link #ofParserBreakdown(DrlUnit)} for a DRL file: the line of the character DRL does not allow. */
    static RuleProblem ofParserBreakdown(String file, String drl, IntFunction<String> placeOf) {
        Stray stray = strayCharacter(drl);
        if (stray == null) {
            return new RuleProblem(file, "", "the file cannot be read: " + BROKE_DOWN_WORDS
                    + "; look for a character DRL does not allow outside a string");
        }
        return new RuleProblem(file, placeOf.apply(stray.line()), "this line holds " + stray.what() + ". "
                + BROKE_DOWN_WORDS);
    }

    /**
     * A character of a DRL that its parser cannot read: at a line (1-based) and column (0-based, as Drools counts);
     * outside a string a character DRL has no token for, inside one a backslash that starts no escape.
     */
    record Stray(int line, int column, int codePoint, boolean inString) {
        String what() {
            String c = new String(Character.toChars(codePoint));
            return inString ? "'" + c + "u' in a string, which DRL reads as the start of a character's code (such as "
                    + "\\u00E9) and finds none; write '" + c + c + "' for a backslash"
                    : "'" + c + "' (U+" + String.format(Locale.ROOT, "%04X", codePoint)
                    + "), which DRL does not allow outside a string";
        }
    }

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("u[0-9A-Fa-f]{4}");

    /**
     * The first character of a DRL its parser cannot read, or null: outside a string literal and a comment, one DRL
     * has no token for (DRL's symbols are ASCII punctuation other than the backtick and the backslash; letters and
     * digits of any script may make a name); in a string, a backslash and {@code u} that are not followed by four hex
     * digits. A string may hold any other escape: DRL allows a regular expression's, such as {@code \\d}.
     */
    static Stray strayCharacter(String drl) {
        String[] lines = drl.split("\n", -1);
        boolean inComment = false;
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l];
            char quote = 0;
            for (int i = 0; i < line.length(); ) {
                int c = line.codePointAt(i);
                int width = Character.charCount(c);
                if (inComment) {
                    if (line.startsWith("*/", i)) {
                        inComment = false;
                        width = 2;
                    }
                } else if (quote != 0) {
                    if (c == '\\') {
                        if (line.startsWith("u", i + 1) && !UNICODE_ESCAPE.matcher(line).region(i + 1, line.length())
                                .lookingAt()) {
                            return new Stray(l + 1, i, c, true);
                        }
                        width += i + 1 < line.length() ? 1 : 0;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '\'') {
                    quote = (char) c;
                } else if (line.startsWith("//", i)) {
                    break;
                } else if (line.startsWith("/*", i)) {
                    inComment = true;
                    width = 2;
                } else if (!allowed(c)) {
                    return new Stray(l + 1, i, c, false);
                }
                i += width;
            }
        }
        return null;
    }

    private static boolean allowed(int c) {
        if (c == '\t' || c == '\r' || c == '\f' || c == ' ') {
            return true;
        }
        if (c < 128) {
            return c > 32 && c != 127 && c != '`' && c != '\\';
        }
        return Character.isLetterOrDigit(c) || Character.isWhitespace(c) || Character.isSpaceChar(c);
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
        Matcher fieldReader = FIELD_READER.matcher(text);
        if (expr == null && fieldReader.find()) {
            expr = fieldReader.group(1).strip(); // a binding in a value: the condition that holds it
        }
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
            return RowPlaces.factPlace(row, objectType.group(1), "Drools cannot find the fact class '"
                    + objectType.group(1) + "': import it in the RuleSet's Import cell and put its class on the class "
                    + "path");
        }
        Matcher duplicate = DUPLICATE.matcher(text);
        if (duplicate.find()) {
            return RowPlaces.duplicateBinding(row, duplicate.group(1));
        }
        Place attribute = RowPlaces.attribute(cells, row, lines, ruleLine, line, text);
        if (attribute != null) {
            return attribute;
        }
        Matcher unresolved = UNRESOLVED.matcher(text);
        if (unresolved.find()) {
            Place unbound = RowPlaces.unboundVariable(row, unresolved.group(1));
            if (unbound != null) {
                return unbound;
            }
        }
        String identifier = identifier(text);
        String section = section(lines, ruleLine, line);
        String lineText = lines[line - 1];
        if (section.equals("when") || (section.isEmpty() && expr != null)) {
            Place condition = RowPlaces.condition(row, lineText, column, expr, identifier, escape);
            if (condition != null) {
                return condition;
            }
        }
        Place action = RowPlaces.action(row, section.equals("then") ? lineText : null, identifier, escape);
        if (action != null) {
            return action;
        }
        return new Place(row.index, row.table.column(), "the rule of this row does not compile");
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
        String l = withoutControls(lineText).strip();
        if (l.isEmpty()) {
            return null;
        }
        for (SheetCells.Setting s : cells.settings()) {
            String v = withoutControls(s.value()).strip();
            // Drools writes a RuleSet name with its spaces made underscores.
            String written = v.replace(' ', '_');
            if (!v.isEmpty() && (v.contains(l) || l.contains(v) || l.contains(written) || writtenApart(s, l))) {
                String keyword = switch (s.key().toLowerCase(Locale.ROOT)) {
                    case "functions" -> "function";
                    case "queries" -> "query";
                    case "declare" -> "declare";
                    default -> null;
                };
                if (keyword != null && !v.startsWith(keyword)) {
                    return new Place(s.row(), s.column(), "'" + v + "' is not a " + settingName(s.key()) + ": the "
                            + s.key() + " cell holds DRL that starts with '" + keyword + "'; clear the cell if there is "
                            + "none");
                }
                return new Place(s.row(), s.column(), "the " + settingName(s.key()) + " in this cell does not compile");
            }
        }
        return null;
    }

    /** A cell's text as Drools writes it into the DRL: without control characters (a tab, a line break stay). */
    private static String withoutControls(String text) {
        return CONTROL.matcher(text).replaceAll("");
    }

    /** Drools writes each comma-separated part of an Import or Variables cell on a line of its own. */
    private static boolean writtenApart(SheetCells.Setting s, String line) {
        String key = s.key().toLowerCase(Locale.ROOT);
        if (!key.equals("import") && !key.equals("variables")) {
            return false;
        }
        // A Variables part Drools cannot read as "Type name" is cut to its first two words: "global Type name:;".
        String written = DECLARED.matcher(line).replaceAll("").strip();
        for (String part : withoutControls(s.value()).split(",")) {
            String p = part.strip();
            if (!p.isEmpty() && (line.contains(p) || (!written.isEmpty() && p.startsWith(written)))) {
                return true;
            }
        }
        return false;
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
        Place place = row == null ? null : RowPlaces.action(row, lines[line - 1], value, escapeQuotes(unit.cells()));
        return place == null ? unit.placeOf(line) : location(unit.cells(), place.row(), place.column());
    }

    /** Errors that follow from another at the same place. */
    private static final Pattern SECONDARY = Pattern.compile("Error importing|The import \\S+ cannot be resolved"
            + "|Only a type can be imported"
            // what follows from a binding in a value, when Drools also says what the value reads as
            + "|Field Reader does not exist for declaration");

    /**
     * The problems of one build, each said once: a code cell at fault fails every row that uses it, so
     * its error is reported once, at the cell, in the words of the error that says most (an import Drools
     * could not make of a broken function says least); and an error Drools reports after the end of a
     * table's broken DRL, which follows from one already placed, is dropped. {@code tables} are the
     * files whose problems were placed in their tables.
     */
    static List<RuleProblem> once(List<RuleProblem> found, Set<String> tables) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, Integer> placed = new HashMap<>();
        for (RuleProblem p : found) {
            Integer earlier = atCell(p) ? placed.get(p.file() + "|" + p.location()) : null;
            if (earlier == null) {
                if (atCell(p)) {
                    placed.put(p.file() + "|" + p.location(), problems.size());
                }
                problems.add(p);
            } else if (SECONDARY.matcher(problems.get(earlier).message()).find()
                    && !SECONDARY.matcher(p.message()).find()) {
                problems.set(earlier, p);
            }
        }
        Set<String> withCells = new HashSet<>();
        for (RuleProblem p : problems) {
            if (atCell(p)) {
                withCells.add(p.file());
            }
        }
        problems.removeIf(p -> tables.contains(p.file()) && !atCell(p) && withCells.contains(p.file()));
        return problems;
    }

    private static boolean atCell(RuleProblem p) {
        return p.location().startsWith("cell ") || p.location().contains(", cell ");
    }

    /**
     * Drools' message without the Java exception some of its messages end with ({@code Unable to determine the used
     * declarations. java.lang.NullPointerException: Cannot invoke ...}): that speaks of Drools' code, not the rules.
     */
    static String withoutJavaException(String text) {
        String t = JAVA_EXCEPTION.matcher(text).replaceFirst("").strip();
        return t.isEmpty() ? "it stopped on an error of its own" : t;
    }

    /** Drools' message without what points into the DRL the analyst never sees (its line numbers, the DRL near). */
    static String droolsWords(String text) {
        String t = withoutJavaException(text).replaceAll("\\[Near : \\{.*?}]", "")
                .replaceAll("(?m)^\\s*\\^\\s*$", "")
                .replaceAll("\\[Line: \\d+, Column: \\d+]", "")
                .replaceAll("Line \\d+:\\d+ ", "")
                .replaceAll("\\s+", " ")
                .strip();
        return t.length() > 400 ? t.substring(0, 400) + "..." : t;
    }
}
