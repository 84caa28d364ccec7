package io.nextbest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nextbest.examples.replay.Fixtures;
import io.nextbest.examples.replay.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nextbest replay --adaptive}: a propensity learned from outcomes ranks the customers. */
class AdaptiveReplayTest {
    @TempDir
    Path folder;

    @Test
    void theSameOutcomesInTheSameOrderGiveTheSameDecisions() throws Exception {
        Path data = Fixtures.write(folder, "bank.csv", Fixtures.bankLines(12, 40, 21));

        Run run = adaptive("bank", data);
        Run again = adaptive("bank", data);

        assertThat(scores(again)).isEqualTo(scores(run)).isNotEmpty();
        assertThat(again.out()).isEqualTo(run.out());
    }

    @Test
    void aBankDecisionLearnsOnlyFromTheCallsBeforeIt() throws Exception {
        List<String> lines = Fixtures.bankLines(12, 40, 22);
        List<String> lastFlipped = new ArrayList<>(lines);
        List<String> firstFlipped = new ArrayList<>(lines);
        lastFlipped.set(lines.size() - 1, flip(lines.get(lines.size() - 1)));
        firstFlipped.set(1, flip(lines.get(1)));

        List<String> scores = scores(adaptive("bank", Fixtures.write(folder, "a.csv", lines)));
        List<String> lastChanged = scores(adaptive("bank", Fixtures.write(folder, "b.csv", lastFlipped)));
        List<String> firstChanged = scores(adaptive("bank", Fixtures.write(folder, "c.csv", firstFlipped)));

        assertThat(lastChanged).as("the outcome of the last call changes no decision").isEqualTo(scores);
        assertThat(firstChanged).as("the outcome of the first call is learned by every later decision")
                .isNotEqualTo(scores);
    }

    private static String flip(String bankLine) {
        return bankLine.endsWith("\"yes\"") ? bankLine.replaceFirst("\"yes\"$", "\"no\"")
                : bankLine.replaceFirst("\"no\"$", "\"yes\"");
    }

    @Test
    void theJsonSaysAdaptiveAndCarriesTheModelsHealth() throws Exception {
        Run run = Run.nextbest("replay", "telco", "--adaptive", "--json", "--data",
                Fixtures.write(folder, "telco.csv", Fixtures.telcoLines(400, 23)).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("mode").asText()).isEqualTo("adaptive");
        assertThat(json.get("capture").size()).isEqualTo(4);
        assertThat(json.get("exploredShare").asDouble()).isBetween(0.0, 1.0);
        JsonNode model = json.get("models").get(0);
        assertThat(model.get("offerId").asText()).isEqualTo("RET-RETENTION-CALL");
        assertThat(model.get("evidence").asInt()).isEqualTo(400);
        assertThat(model.get("recentOutcomes").asInt()).isEqualTo(400);
        assertThat(model.get("recentAuc").isNumber()).isTrue();
        assertThat(model.get("topPredictors")).hasSize(5);
        assertThat(model.get("topPredictors").get(0).get("feature").asText()).startsWith("customer.");
    }

    @Test
    void theModelsAReplayLearnedAreSavedAndTheirHealthPrintedByNextbestModels() throws Exception {
        Path models = telcoModels(300, 25);

        Run run = Run.nextbest("models", "--predictors",
                AnalystsGuideTest.ROOT.resolve("rules/replay/telco/predictors.csv").toString(), models.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode model = new ObjectMapper().readTree(run.out()).get("models").get(0);
        assertThat(model.get("offerId").asText()).isEqualTo("RET-RETENTION-CALL");
        assertThat(model.get("evidence").asInt()).isEqualTo(300);
        assertThat(model.get("recentAuc").isNumber()).isTrue();
        assertThat(model.get("topPredictors")).hasSize(5);
    }

    @Test
    void modelsSavedOnOtherPredictorsOrMissingAreOneLineAndExitCodeOne() throws Exception {
        Path models = telcoModels(100, 26);

        Run other = Run.nextbest("models", "--predictors",
                AnalystsGuideTest.ROOT.resolve("rules/replay/bank/predictors.csv").toString(), models.toString());
        Run missing = Run.nextbest("models", "--predictors",
                AnalystsGuideTest.ROOT.resolve("rules/replay/telco/predictors.csv").toString(),
                folder.resolve("none.json").toString());
        Run notAdaptive = Run.nextbest("replay", "telco", "--save-models", models.toString(), "--data",
                folder.resolve("telco.csv").toString());

        assertThat(other.exitCode()).isEqualTo(1);
        assertThat(other.err()).contains("telco-models.json").hasLineCount(1);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("none.json").hasLineCount(1);
        assertThat(notAdaptive.exitCode()).isEqualTo(1);
        assertThat(notAdaptive.err()).contains("add --adaptive");
    }

    @Test
    void theMarkdownReportNamesTheModeAndWhatTheModelLearned() throws Exception {
        Run run = adaptive("telco", Fixtures.write(folder, "telco.csv", Fixtures.telcoLines(300, 24)));

        assertThat(run.out()).contains("The model started with no evidence and learned from the other ")
                .contains("in a fixed random order").contains("| contacted | calls | churners reached: adaptive |")
                .containsPattern("Explored: [0-9,]+ of [0-9,]+ learned decisions")
                .containsPattern("Model RET-RETENTION-CALL: 300 outcomes, AUC on the latest 300 [0-9.]+");
    }

    /** The models an adaptive telco replay of {@code customers} generated customers saved. */
    private Path telcoModels(int customers, long seed) throws Exception {
        Path models = folder.resolve("telco-models.json");
        Run replay = Run.nextbest("replay", "telco", "--adaptive", "--save-models", models.toString(), "--data",
                Fixtures.write(folder, "telco.csv", Fixtures.telcoLines(customers, seed)).toString());
        assertThat(replay.exitCode()).as(replay.err()).isZero();
        return models;
    }

    private static Run adaptive(String set, Path data) {
        Run run = Run.nextbest("replay", set, "--adaptive", "--data", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    private static List<String> scores(Run run) {
        Result result = ((ReplayCommand) run.subcommand("replay")).result();
        return result.scored().stream().map(s -> s.customer().line() + " " + s.score()).toList();
    }
}
