package io.nextbest.engine;

import java.util.ArrayList;
import java.util.List;
import org.drools.decisiontable.parser.ActionType.Code;
import org.drools.template.model.SnippetBuilder;
import org.drools.util.StringUtils;

/**
 * A column's code snippet filled with one row's value, as Drools writes it into the DRL, and which of
 * its characters came from the value: so that a problem at a place in the DRL can be told to be the
 * code cell's or the value cell's.
 */
final class CellSnippets {
    private static final char LEFT = '\u201C';
    private static final char RIGHT = '\u201D';
    /** The operators Drools recognises at the end of a snippet without $param. */
    private static final List<String> OPERATORS = List.of("==", "=", "!=", "<", ">", "<=", ">=", "contains",
            "matches", "memberOf", "str[startsWith]", "str[endsWith]", "str[length]");

    /**
     * A snippet as Drools writes it.
     *
     * @param text   the condition's constraint (without the pattern around it) or the action's statement
     * @param values the spans {@code [start, end)} of {@code text} that came from the cell's value; empty
     *               if that cannot be told
     */
    record Snippet(String text, List<int[]> values) {
        boolean inValue(int offset) {
            for (int[] span : values) {
                if (offset >= span[0] && offset < span[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    private CellSnippets() {
    }

    /** The snippet of a CONDITION, ACTION or METADATA column for a cell's (trimmed) value. */
    static Snippet of(SheetCells.Column column, String value, boolean escapeQuotes) {
        String v = value;
        if (escapeQuotes && v.indexOf('"') > 0) {
            v = v.replace("\"", "\\\"");
        }
        String template = column.template().strip();
        String content;
        if (column.code() == Code.CONDITION) {
            boolean multiple = !column.pattern().isBlank();
            SnippetBuilder.SnippetType type = SnippetBuilder.getType(template);
            if (!multiple || type != SnippetBuilder.SnippetType.SINGLE) {
                content = template;
            } else {
                // A snippet without $param is a field (name), a field and an operator (age >) or, ending
                // in '?', a whole constraint: Drools completes the first two with the quoted value.
                v = undelimited(v);
                if (endsWithOperator(template)) {
                    content = template + " \"$param\"";
                } else if (template.endsWith("?")) {
                    content = template.substring(0, template.length() - 1);
                } else {
                    content = template + " == \"$param\"";
                }
            }
        } else {
            String variable = column.pattern().strip();
            content = variable.isEmpty() ? template : variable + "." + template + ";";
        }
        String drools = new SnippetBuilder(content).build(v);
        Snippet mine = render(content, v);
        if (!mine.text().equals(drools)) {
            return new Snippet(flat(drools), List.of());
        }
        String flat = flat(drools);
        return flat.equals(drools) ? mine : new Snippet(flat, List.of());
    }

    /** Drools writes a snippet on one line: a line break in a value becomes a space, outside quotes. */
    private static String flat(String snippet) {
        return StringUtils.replaceOutOfQuotes(snippet, "\\n", " ");
    }

    /** {@code $param} and {@code $1}, {@code $2}... replaced as Drools' snippet builder replaces them. */
    private static Snippet render(String content, String value) {
        StringBuilder out = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        boolean indexed = content.contains("$1");
        List<String> parts = indexed ? StringUtils.splitArgumentsList(value, false) : List.of();
        int i = 0;
        while (i < content.length()) {
            if (!indexed && content.startsWith("$param", i)) {
                int start = out.length();
                out.append(value.replace("\n", "\\n"));
                spans.add(new int[] {start, out.length()});
                i += "$param".length();
            } else if (indexed && content.charAt(i) == '$' && i + 1 < content.length()
                    && Character.isDigit(content.charAt(i + 1))) {
                int end = i + 1;
                while (end < content.length() && Character.isDigit(content.charAt(end))) {
                    end++;
                }
                int n = Integer.parseInt(content.substring(i + 1, end));
                while (n > parts.size() && end > i + 2) {
                    end--;
                    n = Integer.parseInt(content.substring(i + 1, end));
                }
                if (n >= 1 && n <= parts.size()) {
                    int start = out.length();
                    out.append(parts.get(n - 1).strip().replace("\n", "\\n"));
                    spans.add(new int[] {start, out.length()});
                    i = end;
                } else {
                    out.append(content.charAt(i++));
                }
            } else {
                out.append(content.charAt(i++));
            }
        }
        return new Snippet(out.toString(), List.copyOf(spans));
    }

    private static boolean endsWithOperator(String template) {
        for (String op : OPERATORS) {
            if (template.endsWith(op)) {
                return true;
            }
        }
        return false;
    }

    /** A value between quotes, straight or typographic, loses them in a column that quotes its values. */
    private static String undelimited(String v) {
        if (v.length() >= 2 && (delimited(v, '"', '"') || delimited(v, LEFT, RIGHT) || delimited(v, LEFT, LEFT)
                || delimited(v, RIGHT, RIGHT))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static boolean delimited(String v, char open, char close) {
        return v.indexOf(open) == 0 && v.indexOf(close, 1) == v.length() - 1;
    }
}
