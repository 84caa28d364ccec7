package io.nextbest.ledger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The programs' report over a period: print it with {@link #text()}, or write it as {@link #csv()},
 * {@link #json()} or a self-contained {@link #html()} page.
 *
 * @param from     the first day (UTC)
 * @param to       the last day, included
 * @param settings the minimum sample, agent-hour cost and productive hours the report assumed
 * @param programs one report per program, in name order
 * @param dropped  records the ledger dropped because its queue was full, since it was opened
 */
public record Report(LocalDate from, LocalDate to, ReportSettings settings, List<ProgramReport> programs,
                     long dropped) {

    public Report {
        programs = List.copyOf(programs);
    }

    /** The days of the period. */
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Plain sentences, one paragraph per program, for a terminal. */
    public String text() {
        return TextReport.of(this);
    }

    /** One header line and one line per program. */
    public String csv() {
        return CsvReport.of(this);
    }

    /** The report as one JSON object; names are the Java names. */
    public String json() {
        return JsonReport.of(this);
    }

    /** A self-contained page, charts drawn in inline SVG, that works offline. */
    public String html() {
        return HtmlReport.of(this);
    }
}
