package io.nextbest.benchmarks.fuzz;

import io.nextbest.InvalidRequestException;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import io.nextbest.validation.Finding;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What counts as a documented failure. A reader may accept an input or refuse it; it refuses it well
 * when all of this holds, and wrongly otherwise:
 *
 * <ul>
 *   <li><b>JSON requests</b> ({@code JsonCodec.readRequest}): it throws {@link InvalidRequestException}
 *       whose field is a JSON path from the root ({@code $}, {@code $.customer.id},
 *       {@code $.purchases[0].amount}) and whose problem is not blank; malformed JSON also names its
 *       line and column.</li>
 *   <li><b>Catalogs</b> ({@code CatalogReader.read}): it throws {@link RuleSetException} with at least one
 *       problem, each naming the catalog file and a place in it: a JSON path for {@code catalog.json},
 *       {@code line N} (and a column) for {@code catalog.csv}. A problem about the file as a whole
 *       (it holds no offers) needs no place.</li>
 *   <li><b>Decision tables</b>, as the analyst's check reads them ({@code Validator.validate}): it returns
 *       its findings, never throws, and every finding names a file of the pack and a place in it (a cell
 *       such as {@code D14}, {@code row 14}, {@code line 8}, or a sheet for a problem of the sheet as a
 *       whole), unless it is about the file as a whole
 *       (it is not a readable table, or holds no RuleTable).</li>
 *   <li><b>Decision tables</b>, as the engine reads them ({@code NextBest.engine().rules(pack).build()}):
 *       it builds, or throws {@link RuleSetException} whose problems each name a file of the pack (or the
 *       pack, for problems of the pack as a whole) and a place: {@code row 14}, {@code sheet S, row 14},
 *       {@code line 8}, a cell, {@code sheet S} for a problem of a sheet as a whole, or a JSON path or CSV line in the catalog; file-wide problems as above.</li>
 * </ul>
 *
 * In every case the message must not be an exception's text passed through: a Java exception's name
 * ({@code NullPointerException}, {@code org.apache.poi...Exception}), the JDK's wording for one
 * ({@code Index 3 out of bounds for length 3}, {@code Cannot invoke "..." because "..." is null}), a
 * library's account of its own workings (Jackson's {@code through reference chain}, {@code [Source: ...]},
 * {@code StreamReadConstraints}) or a bare {@code null}. One part of a message is not judged: the
 * {@code [Error: ...]} in which MVEL, inside Drools' compiler, says why it cannot analyse the expression
 * of a placed rule; it is Drools' wording of a compile error, and may quote an exception of MVEL's own.
 *
 * <p>Any other exception, from the reader or from a library under it, is wrong; so is an input that
 * is still being read when the time limit runs out (a hang). Accepting an input is always fine.
 */
final class Oracle {
    static final Pattern JSON_PATH = Pattern.compile("\\$(?:[.\\[].*)?", Pattern.DOTALL);
    private static final Pattern LINE_AND_COLUMN = Pattern.compile("line \\d+, column \\d+");
    static final Pattern CSV_PLACE = Pattern.compile("line \\d+(?:, column .+)?", Pattern.DOTALL);
    static final Pattern TABLE_PLACE = Pattern.compile(
            "(?:sheet .+, )?(?:row \\d+|cell [A-Z]+\\d+)|sheet [^,]+|line \\d+(?:, column .+)?|\\$(?:[.\\[].*)?", Pattern.DOTALL);
    private static final Pattern FINDING_PLACE = Pattern.compile("[A-Z]+\\d+|row \\d+|sheet .+|line \\d+(?:, column .+)?|\\$.*",
            Pattern.DOTALL);
    /** Problems about a file as a whole, which have no place to name. */
    private static final List<String> WHOLE_FILE = List.of("holds no offers", "has no RuleTable",
            "cannot be read as a decision table: ", "is not a valid decision table: ",
            "cannot be read as a workbook", "POI, which Drools reads workbooks with, refuses", "has no rules: ",
            "has no offer catalog", "Drools reads a decision table only if its name");
    /** MVEL's account of an expression it cannot analyse, within Drools' compile error. */
    private static final Pattern COMPILER_ERROR = Pattern.compile("\\[Error: [^\\]]*\\]");
    private static final Pattern LEAK = Pattern.compile(
            "(?:\\b(?:java|javax|jdk|sun|org|com)\\.[\\w.$]*\\.[A-Z]\\w*(?:Exception|Error)\\b)"
                    + "|\\b(?:NullPointer|ArrayIndexOutOfBounds|StringIndexOutOfBounds|IndexOutOfBounds|ClassCast"
                    + "|IllegalState|IllegalArgument|NumberFormat|Arithmetic|UnsupportedOperation"
                    + "|ConcurrentModification|NoSuchElement|StackOverflow|OutOfMemory|Runtime|Zip|EOF"
                    + "|RecordFormat|POIXML|NotOfficeXmlFile|OpenXML4JRuntime|InvalidFormat)(?:Exception|Error)\\b"
                    + "|Index -?\\d+ out of bounds for length|begin -?\\d+, end -?\\d+, length"
                    + "|\\bCannot (?:invoke|read field|load from|store to|read the array length) \""
                    + "|because \"[^\"]*\" is null|cannot be cast to|^\\s*null\\s*$|:\\s*null\\s*$"
                    // Jackson's own wording: where its reader was, and which of its settings refused the input.
                    + "|through reference chain|\\[Source: |StreamReadConstraints|java\\.lang\\.Object\\[\\]",
            Pattern.DOTALL);

    private Oracle() {
    }

    /** The part of a message that is an exception's text passed through, or null if there is none. */
    static String leak(String message) {
        if (message == null) {
            return "no message";
        }
        Matcher m = LEAK.matcher(COMPILER_ERROR.matcher(message).replaceAll("[Error: ...]"));
        return m.find() ? "'" + (m.group().isBlank() ? message : m.group()) + "'" : null;
    }

    static Verdict request(String consumer, Throwable thrown) {
        if (thrown == null) {
            return Verdict.accepted(consumer);
        }
        if (!(thrown instanceof InvalidRequestException e)) {
            return Verdict.wrong(consumer, "threw " + thrown.getClass().getName(), thrown);
        }
        if (!JSON_PATH.matcher(e.field()).matches()) {
            return Verdict.wrong(consumer, "the field '" + e.field() + "' is not a JSON path: " + e.getMessage(), e);
        }
        if (e.problem().isBlank()) {
            return Verdict.wrong(consumer, "the problem is blank: " + e.getMessage(), e);
        }
        if (e.problem().startsWith("malformed JSON") && !LINE_AND_COLUMN.matcher(e.problem()).find()) {
            return Verdict.wrong(consumer, "malformed JSON without its line and column: " + e.getMessage(), e);
        }
        String leak = leak(e.getMessage());
        if (leak != null) {
            return Verdict.wrong(consumer, "an exception's text passed through, " + leak + ": " + e.getMessage(), e);
        }
        return Verdict.rejected(consumer, e.getMessage());
    }

    /**
     * A rule-set failure, each problem placed by {@code place} ({@code csv} catalogs, tables) or a JSON
     * path ({@code json} catalogs), in one of {@code files}.
     */
    static Verdict ruleSet(String consumer, Throwable thrown, Set<String> files, Pattern place) {
        if (thrown == null) {
            return Verdict.accepted(consumer);
        }
        if (!(thrown instanceof RuleSetException e)) {
            return Verdict.wrong(consumer, "threw " + thrown.getClass().getName(), thrown);
        }
        if (e.problems().isEmpty()) {
            return Verdict.wrong(consumer, "a RuleSetException with no problem", e);
        }
        for (RuleProblem p : e.problems()) {
            String why = placed(p.file(), p.location(), p.message(), files, place);
            if (why != null) {
                return Verdict.wrong(consumer, why + ": " + p, e);
            }
        }
        return Verdict.rejected(consumer, e.problems().get(0).toString());
    }

    /** The analyst's findings: each placed, none an exception's text. */
    static Verdict findings(String consumer, List<Finding> findings, Set<String> files) {
        for (Finding f : findings) {
            // A finding about a sheet as a whole (its sheet, no cell) is placed at the sheet.
            String place = f.cell().isEmpty() && !f.sheet().isEmpty() ? "sheet " + f.sheet() : f.cell();
            String why = placed(f.file(), place, f.message(), files, FINDING_PLACE);
            if (why != null) {
                return Verdict.wrong(consumer, why + ": " + f, null);
            }
        }
        return findings.stream().filter(Finding::isError).findFirst()
                .map(f -> Verdict.rejected(consumer, f.toString())).orElseGet(() -> Verdict.accepted(consumer));
    }

    /** Why a problem is not placed as documented, or null if it is. */
    private static String placed(String file, String location, String message, Set<String> files, Pattern place) {
        if (file == null || !files.contains(file)) {
            return "names no file of the pack";
        }
        String leak = leak(message);
        if (leak != null) {
            return "an exception's text passed through, " + leak;
        }
        if (location == null || location.isEmpty()) {
            for (String whole : WHOLE_FILE) {
                if (message.startsWith(whole)) {
                    return null;
                }
            }
            return "names no place";
        }
        return place.matcher(location).matches() ? null : "the place '" + location + "' is not a path, line, row or cell";
    }
}
