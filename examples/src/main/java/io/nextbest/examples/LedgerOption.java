package io.nextbest.examples;

import io.nextbest.examples.Errors.UserError;
import io.nextbest.ledger.Ledger;
import io.nextbest.ledger.OutcomeType;
import io.nextbest.ledger.WhenFull;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --ledger FILE} and {@code --success PROGRAM=TYPE} options, and the ledger they open. */
final class LedgerOption {

    @Option(names = "--ledger", paramLabel = "FILE", required = true,
            description = "The ledger: a SQLite file, such as the one nextbest demo --ledger writes.")
    Path file;

    @Option(names = "--success", paramLabel = "PROGRAM=TYPE", split = ",",
            description = "The outcome that counts as a program's success (ACCEPTED, DECLINED, IGNORED or SAVED); "
                    + "default: retention=SAVED, every other program ACCEPTED.")
    Map<String, OutcomeType> success = new LinkedHashMap<>(Map.of("retention", OutcomeType.SAVED));

    /** Opens the ledger, which must exist; writes wait for room rather than drop. */
    Ledger open(boolean pauseRetired) {
        if (!Files.isRegularFile(file)) {
            throw new UserError("no ledger at " + file + " (nextbest demo --ledger " + file + " makes one)");
        }
        return builder(file, success).pauseRetired(pauseRetired).build();
    }

    static Ledger.Builder builder(Path file, Map<String, OutcomeType> success) {
        Ledger.Builder builder = Ledger.builder().file(file).whenFull(WhenFull.WAIT);
        success.forEach(builder::success);
        return builder;
    }
}
