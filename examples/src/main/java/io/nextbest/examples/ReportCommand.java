package io.nextbest.examples;

import io.nextbest.examples.Errors.UserError;
import io.nextbest.ledger.Ledger;
import io.nextbest.ledger.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nextbest report}: each program's effort, outcomes, lift, staffing and verdict. */
@Command(name = "report",
        description = {
            "Reports each program of a ledger: contacts and agent hours, outcomes, the lift against its "
                    + "holdout group with a 95%% confidence interval, incremental successes and their cost, the "
                    + "staffing it needs, and a verdict: working, not proven, retire (or too early to tell).",
            ""},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:the report was made",
            "1:the ledger is missing or cannot be read",
            "2:the command was used wrongly"})
final class ReportCommand implements Callable<Integer> {
    enum Format { text, csv, json, html }

    @Mixin
    LedgerOption ledger;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (sentences), csv, json or html (one page with charts, works offline); "
                    + "default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report here instead of to standard output.")
    Path output;

    @Option(names = "--from", paramLabel = "DATE", description = "The first day (UTC) of the period; default: the ledger's first.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "The last day (UTC), included; default: the ledger's last.")
    LocalDate to;

    @Option(names = "--pause-retired",
            description = "Pause the programs whose verdict is retire: their offers stop, with the reason "
                    + "PROGRAM_PAUSED, until --resume.")
    boolean pauseRetired;

    @Option(names = "--resume", paramLabel = "PROGRAM", split = ",", description = "Resume paused programs first.")
    List<String> resume = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Ledger open = ledger.open(pauseRetired)) {
            resume.forEach(open::resume);
            Report report = open.report(from, to);
            String text = switch (format) {
                case text -> report.text();
                case csv -> report.csv();
                case json -> report.json();
                case html -> report.html();
            };
            if (output == null) {
                spec.commandLine().getOut().print(text);
            } else {
                write(output, text);
            }
            if (!open.pausedPrograms().isEmpty()) {
                spec.commandLine().getErr().println("Paused: " + String.join(", ", open.pausedPrograms())
                        + " (resume with --resume PROGRAM)");
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        return 0;
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
