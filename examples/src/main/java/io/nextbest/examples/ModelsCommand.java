package io.nextbest.examples;

import io.nextbest.RuleSetException;
import io.nextbest.examples.replay.HealthJson;
import io.nextbest.learning.Learner;
import io.nextbest.learning.Predictors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nextbest models}: the health of saved learned models, so an analyst sees what learns and what does not. */
@Command(name = "models",
        description = {"Print the health of models a learner saved (Learner.save, or nextbest replay --adaptive "
                + "--save-models): per offer, the outcomes learned, how many were taken, the AUC of its estimates "
                + "on its latest outcomes (each estimate made before the outcome was learned) and its strongest "
                + "predictors, as JSON.",
                "Exit code 0, or 1 when the models or the predictors cannot be read."})
final class ModelsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODELS", description = "The models file.")
    Path models;

    @Option(names = "--predictors", paramLabel = "FILE", required = true,
            description = "The predictors.csv the models were learned on.")
    Path predictors;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Learner learner;
        try {
            Predictors declared = Predictors.read(predictors.toString(),
                    Files.readString(predictors, StandardCharsets.UTF_8));
            learner = Learner.restore(models, declared);
        } catch (NoSuchFileException e) {
            throw new Errors.UserError(e.getFile() + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException | RuleSetException e) {
            throw new Errors.UserError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("{\"models\":" + HealthJson.of(learner.health().models()) + "}");
        out.flush();
        return 0;
    }
}
