package io.nextbest.examples;

import io.nextbest.DecisionEngine;
import io.nextbest.NextBest;
import io.nextbest.RulePack;
import io.nextbest.RuleSetException;
import io.nextbest.examples.replay.AdaptiveScorer;
import io.nextbest.examples.replay.DataSet;
import io.nextbest.examples.replay.Mapping;
import io.nextbest.examples.replay.Plot;
import io.nextbest.examples.replay.Replay;
import io.nextbest.examples.replay.Report;
import io.nextbest.examples.replay.Result;
import io.nextbest.examples.replay.RulesScorer;
import io.nextbest.examples.replay.Tuner;
import io.nextbest.learning.Learner;
import io.nextbest.learning.Predictors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nextbest replay}: real customers through a rule pack, against calling everyone. */
@Command(name = "replay",
        description = {
            "Replays a real data set through its rule pack and reports how many of the right customers the "
                    + "calls reach, against calling everyone and against random choice.",
            "",
            "telco: IBM's telco churn customers, a retention program; 30% of the customers (by a hash of "
                    + "customerID) are reported. bank: a bank's term-deposit calls (Moro et al. 2014), an "
                    + "outbound offer; the latest 25% of the calls are reported, in date order. The rules were "
                    + "tuned on the other part; --tune shows how.",
            ""},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:the replay ran (lines that could not be read are reported on standard error and counted)",
            "1:the data, the mapping or the rules cannot be used",
            "2:the command was used wrongly"})
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DATASET", description = "telco or bank.")
    String dataSet;

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "The data set's file: Telco-Customer-Churn.csv or bank-additional-full.csv.")
    Path data;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "A replay pack folder (tables, catalog and mapping.csv) instead of the one built in.")
    Path rules;

    @Option(names = "--json", description = "Print the figures as one JSON object instead of Markdown.")
    boolean json;

    @Option(names = "--plot", paramLabel = "FILE", description = "Also write the capture curve as an SVG picture.")
    Path plot;

    @Option(names = "--tune", description = "Print the weights the training part suggests for the arbitration "
            + "rows, instead of the report; the report part is not read.")
    boolean tune;

    @Option(names = "--save-models", paramLabel = "FILE", description = "With --adaptive: write the models the "
            + "replay learned to FILE, for nextbest models.")
    Path saveModels;

    @Option(names = "--adaptive", description = "Rank by a propensity learned from outcomes, from no evidence "
            + "(the pack's predictors.csv says what it reads), instead of the rules' arbitration weights; the rules "
            + "still say whom the program may call.")
    boolean adaptive;

    @Spec
    CommandSpec spec;

    private Result result;
    private Learner.Health health;

    @Override
    public Integer call() throws IOException {
        if (saveModels != null && !adaptive) {
            throw new Errors.UserError("--save-models saves what an --adaptive replay learned: add --adaptive");
        }
        DataSet set;
        try {
            set = DataSet.of(dataSet);
        } catch (IllegalArgumentException e) {
            throw new Errors.UserError(e.getMessage());
        }
        RulePack pack = rules == null
                ? RulePack.classpath(ReplayCommand.class.getClassLoader(), DataSet.PACK_FOLDER + set.id(), DataSet.PACK_FILES)
                : RulePack.directory(rules);
        Replay replay;
        try {
            replay = Replay.load(set, data, Mapping.read(pack.origin() + "/mapping.csv", text(pack, "mapping.csv")));
        } catch (IllegalArgumentException e) {
            throw new Errors.UserError(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        replay.tally().examples().forEach(problem -> err.println("warning: " + problem));
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        try (DecisionEngine engine = NextBest.engine().rules(pack).build()) {
            if (tune) {
                Tuner.print(Tuner.fit(engine, replay.training()), set, out);
                Replay check = replay.withinTraining();
                Result held = check.run(new Tuner.FittedScorer(engine, Tuner.fit(engine, check.training())));
                out.printf(Locale.ROOT, "%nCheck within the training part: fitted on %,d, ranked %,d held out (%s):%n",
                        check.training().size(), check.report().size(), set.dated() ? "its latest 25%, in date order"
                                : "hash buckets 49 to 69");
                Result.SHARES.forEach(s -> out.printf(Locale.ROOT, "  %2.0f%% contacted reach %.1f%% of the %s%n",
                        100 * s, 100 * held.capture(s), set.positives()));
                out.flush();
                return 0;
            }
            if (adaptive) {
                AdaptiveScorer scorer;
                try {
                    scorer = new AdaptiveScorer(engine, Learner.of(Predictors.read(pack.origin() + "/predictors.csv",
                            text(pack, "predictors.csv"))));
                } catch (IllegalArgumentException | RuleSetException e) {
                    throw new Errors.UserError(e.getMessage());
                }
                result = replay.forLearning().run(scorer);
                health = scorer.learner().health();
                if (saveModels != null) {
                    scorer.learner().save(saveModels);
                }
            } else {
                result = replay.run(new RulesScorer(engine));
            }
        }
        if (plot != null) {
            Files.writeString(plot, Plot.svg(result), StandardCharsets.UTF_8);
        }
        out.print(json ? Report.json(result, health) + System.lineSeparator()
                : Report.markdown(result, health, plot == null ? null : plot.toString().replace('\\', '/')));
        out.flush();
        return 0;
    }

    /** The text of one of the pack's files. */
    private static String text(RulePack pack, String name) {
        return pack.files().stream().filter(f -> f.name().equals(name)).findFirst().map(RulePack.RuleFile::text)
                .orElseThrow(() -> new IllegalArgumentException(pack.origin() + ": has no " + name));
    }

    /** The figures of the last replay, or null after {@code --tune}. */
    Result result() {
        return result;
    }

    /** The learner's health after an adaptive replay, or null. */
    Learner.Health health() {
        return health;
    }
}
