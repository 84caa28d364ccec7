package io.nextbest.examples;

import io.nextbest.ledger.Ledger;
import io.nextbest.ledger.OutcomeFile;
import io.nextbest.ledger.OutcomeStatus;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nextbest outcome}: records files of outcomes in a ledger. */
@Command(name = "outcome",
        description = {
            "Records outcomes from CSV files in a ledger. The header names the columns: decisionId and type "
                    + "(ACCEPTED, DECLINED, IGNORED or SAVED) are required, revenue and handleTimeSeconds optional.",
            "The same outcome twice is one outcome. A bad row, or one whose decision the ledger does not hold, is "
                    + "reported on stderr with its file and line (outcomes.csv:3: type: ...) and skipped; the other "
                    + "rows are recorded.",
            ""},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:every row was recorded (or was already)",
            "1:a row, a file or the ledger is wrong",
            "2:the command was used wrongly"})
final class OutcomeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV files of outcomes.")
    List<Path> files;

    @Mixin
    LedgerOption ledger;

    @Spec
    CommandSpec spec;

    private record Pending(int line, CompletableFuture<OutcomeStatus> status) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allGood = true;
        try (Ledger open = ledger.open(false)) {
            for (Path file : files) {
                List<OutcomeFile.Row> rows;
                try {
                    rows = OutcomeFile.read(file);
                } catch (UncheckedIOException e) {
                    err.println(file + ": cannot read: " + e.getCause());
                    allGood = false;
                    continue;
                }
                List<Pending> pending = new ArrayList<>();
                int refused = 0;
                for (OutcomeFile.Row row : rows) {
                    if (row.problem() != null) {
                        err.println(file + ":" + row.line() + ": " + row.problem());
                        refused++;
                    } else {
                        pending.add(new Pending(row.line(), open.record(row.outcome())));
                    }
                }
                int recorded = 0;
                int already = 0;
                for (Pending p : pending) {
                    try {
                        if (p.status().join() == OutcomeStatus.RECORDED) {
                            recorded++;
                        } else {
                            already++;
                        }
                    } catch (CompletionException e) {
                        err.println(file + ":" + p.line() + ": " + e.getCause().getMessage());
                        refused++;
                    }
                }
                out.println(file + ": " + recorded + " recorded, " + already + " already recorded, " + refused
                        + " refused");
                allGood &= refused == 0;
            }
        }
        err.flush();
        return allGood ? 0 : Errors.FAILED;
    }
}
