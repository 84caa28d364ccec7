package io.nextbest.ledger;

import java.util.List;
import java.util.Locale;

/**
 * The report as one HTML page a manager would rather look at than read: the sentences, three charts
 * (effort and outcome, lift with its interval, staffing) drawn in inline SVG, and the figures in a
 * table. No script, no font, no style sheet from elsewhere: it works offline and prints.
 */
final class HtmlReport {
    private static final int WIDTH = 720;
    private static final int LABEL = 150;
    private static final int ROW = 34;
    private static final String CONTACTS = "#8aa4c8";
    private static final String SUCCESSES = "#2f6b3a";

    private HtmlReport() {
    }

    static String of(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Programs ").append(report.from()).append(" to ").append(report.to()).append("</title>\n")
                .append("<style>\nbody{font-family:system-ui,sans-serif;margin:2em auto;max-width:760px;color:#222}\n")
                .append("h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}\n")
                .append("p.program{margin:.6em 0}.verdict{font-weight:bold;padding:0 .3em;border-radius:3px}\n")
                .append(".WORKING{background:#d7f0d9}.RETIRE{background:#f7d4d4}.NOT_PROVEN{background:#f4ecc8}")
                .append(".TOO_EARLY{background:#e6e6e6}\n")
                .append("table{border-collapse:collapse;font-size:.85em}td,th{border:1px solid #ccc;padding:.2em .4em;")
                .append("text-align:right}td:first-child,th:first-child{text-align:left}\n")
                .append("svg text{font-size:12px;fill:#222}.note{color:#555;font-size:.9em}\n</style>\n</head>\n<body>\n");
        out.append("<h1>Programs from ").append(report.from()).append(" to ").append(report.to()).append(" (")
                .append(report.days()).append(" days)</h1>\n");
        for (ProgramReport p : report.programs()) {
            out.append("<p class=\"program\">").append(escape(Words.facts(p) + "; " + Words.lift(p) + ":"))
                    .append(" <span class=\"verdict ").append(p.verdict().name()).append("\">")
                    .append(p.verdict().words()).append("</span>").append(escape(Words.sample(p, report.settings())))
                    .append("</p>\n");
        }
        if (report.programs().isEmpty()) {
            out.append("<p>No program made an offer in this period.</p>\n");
        } else {
            out.append("<h2>Effort and outcome</h2>\n").append(effort(report.programs()));
            out.append("<h2>Lift against the holdout, with its 95% interval</h2>\n").append(lift(report.programs()));
            out.append("<h2>Staffing</h2>\n").append(staffing(report.programs()));
            out.append("<h2>Figures</h2>\n").append(table(report.programs()));
        }
        out.append("<p class=\"note\">").append(escape(Words.method(report.settings()))).append("</p>\n");
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    /** Contacts and successes per program, side by side. */
    private static String effort(List<ProgramReport> programs) {
        double max = Math.max(1, programs.stream().mapToLong(ProgramReport::contacts).max().orElse(1));
        int height = programs.size() * ROW + 30;
        StringBuilder svg = svg("effort", height, "Contacts and successes per program");
        int y = 10;
        for (ProgramReport p : programs) {
            svg.append(label(y + 14, p.program()));
            svg.append(bar(y, 12, p.contacts() / max, CONTACTS, Words.number(p.contacts(), 0) + " contacted"));
            svg.append(bar(y + 14, 12, p.successes() / max, SUCCESSES, Words.number(p.successes(), 0) + " "
                    + Words.success(p.success())));
            y += ROW;
        }
        svg.append(key(y + 8));
        return svg.append("</svg>\n").toString();
    }

    /** Each program's lift as a point, its interval as a line, against zero. */
    private static String lift(List<ProgramReport> programs) {
        double low = 0;
        double high = 0;
        for (ProgramReport p : programs) {
            if (p.lift() != null) {
                low = Math.min(low, p.lift().low());
                high = Math.max(high, p.lift().high());
            }
        }
        double pad = Math.max(0.01, (high - low) * 0.08);
        double from = low - pad;
        double span = high + pad - from;
        int plot = WIDTH - LABEL - 250;
        int height = programs.size() * ROW + 30;
        StringBuilder svg = svg("lift", height, "Lift in points with 95% confidence intervals");
        // A tick every 5 points (10 or 20 on a wide axis), zero dashed.
        double step = span > 0.8 ? 0.2 : span > 0.4 ? 0.1 : 0.05;
        for (long k = (long) Math.ceil(from / step); k * step <= from + span; k++) {
            double x = LABEL + (k * step - from) / span * plot;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"%s/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, x, height - 18,
                    k == 0 ? "#888" : "#e3e3e3", k == 0 ? " stroke-dasharray=\"4 3\"" : "", x, height - 4,
                    k == 0 ? "0" : String.format(Locale.ROOT, "%+d", Math.round(k * step * 100))));
        }
        int y = 10;
        for (ProgramReport p : programs) {
            svg.append(label(y + 14, p.program()));
            if (p.lift() == null) {
                svg.append(text(LABEL + 4, y + 14, "no lift yet", "start"));
            } else {
                Lift l = p.lift();
                double x0 = LABEL + (l.low() - from) / span * plot;
                double x1 = LABEL + (l.high() - from) / span * plot;
                double x = LABEL + (l.difference() - from) / span * plot;
                String colour = colour(p.verdict());
                svg.append(String.format(Locale.ROOT, "<line class=\"interval\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" "
                        + "y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/><circle cx=\"%.1f\" cy=\"%d\" r=\"5\" "
                        + "fill=\"%s\"/>\n", x0, y + 10, x1, y + 10, colour, x, y + 10, colour));
                svg.append(text(LABEL + plot + 10, y + 14, String.format(Locale.ROOT, "%+.1f (%.1f to %.1f) %s",
                        l.difference() * 100, l.low() * 100, l.high() * 100, p.verdict().words()), "start"));
            }
            y += ROW;
        }
        return svg.append("</svg>\n").toString();
    }

    /** Full-time agents each program needs. */
    private static String staffing(List<ProgramReport> programs) {
        double max = Math.max(0.01, programs.stream().mapToDouble(p -> p.staffing().fullTimeAgents()).max().orElse(1));
        int height = programs.size() * ROW + 10;
        StringBuilder svg = svg("staffing", height, "Full-time agents per program");
        int y = 10;
        for (ProgramReport p : programs) {
            Staffing s = p.staffing();
            svg.append(label(y + 14, p.program()));
            svg.append(bar(y + 2, 16, s.fullTimeAgents() / max, "#6a5a9c", Words.number(s.fullTimeAgents(), 2)
                    + " agents (" + Words.number(s.agentHoursPerDay(), 1) + " h a day)"));
            y += ROW;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String table(List<ProgramReport> programs) {
        StringBuilder t = new StringBuilder("<table>\n<tr><th>program</th><th>contacts</th><th>held out</th>"
                + "<th>success</th><th>rate</th><th>held-out rate</th><th>lift (points)</th><th>incremental</th>"
                + "<th>cost each</th><th>agent hours</th><th>FTE</th><th>verdict</th></tr>\n");
        for (ProgramReport p : programs) {
            t.append("<tr><td>").append(escape(p.program())).append("</td><td>").append(Words.number(p.contacts(), 0))
                    .append("</td><td>").append(Words.number(p.heldOut(), 0)).append("</td><td>")
                    .append(Words.success(p.success())).append("</td><td>").append(Words.percent(p.successRate()))
                    .append("</td><td>").append(Words.percent(p.heldOutRate())).append("</td><td>")
                    .append(p.lift() == null ? "" : Words.number(p.lift().difference() * 100, 1)).append("</td><td>")
                    .append(Words.number(p.incrementalSuccesses(), 1)).append("</td><td>")
                    .append(p.costPerIncrementalSuccess() == null ? "" : Words.number(p.costPerIncrementalSuccess(), 2))
                    .append("</td><td>").append(Words.number(p.agentHours(), 1)).append("</td><td>")
                    .append(Words.number(p.staffing().fullTimeAgents(), 2)).append("</td><td>")
                    .append(p.verdict().words()).append("</td></tr>\n");
        }
        return t.append("</table>\n").toString();
    }

    private static StringBuilder svg(String id, int height, String title) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"%d\" height=\"%d\" role=\"img\"><title>%s</title>\n", id, WIDTH, height, title));
    }

    private static String bar(int y, int height, double share, String colour, String caption) {
        double width = Math.max(1, share * (WIDTH - LABEL - 170));
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                LABEL, y, width, height, colour) + text((int) (LABEL + width + 6), y + height - 2, caption, "start");
    }

    private static String label(int y, String program) {
        return text(LABEL - 8, y, program, "end");
    }

    private static String key(int y) {
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", LABEL,
                y - 9, CONTACTS) + text(LABEL + 14, y, "contacted", "start")
                + String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                        LABEL + 100, y - 9, SUCCESSES) + text(LABEL + 114, y, "successes", "start");
    }

    private static String text(int x, int y, String text, String anchor) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">" + escape(text) + "</text>\n";
    }

    private static String colour(Verdict verdict) {
        return switch (verdict) {
            case WORKING -> "#2f8a3e";
            case RETIRE -> "#b23b3b";
            case NOT_PROVEN -> "#b08a1e";
            case TOO_EARLY -> "#777";
        };
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
