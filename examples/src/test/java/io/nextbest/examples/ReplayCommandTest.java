package io.nextbest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nextbest.examples.replay.DataSet;
import io.nextbest.examples.replay.Fixtures;
import io.nextbest.examples.replay.Report;
import io.nextbest.examples.replay.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    @TempDir
    Path folder;

    @Test
    void theBanksCallDurationIsNeverRead() throws Exception {
        List<String> lines = Fixtures.bankLines(8, 25, 3);
        Path data = Fixtures.write(folder, "bank.csv", lines);
        List<String> scrambled = new ArrayList<>(lines.subList(0, 1));
        Random random = new Random(11);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(";", -1);
            f[10] = random.nextBoolean() ? String.valueOf(random.nextInt(5000)) : "\"not a number\"";
            scrambled.add(String.join(";", f));
        }
        assertThat(scrambled).isNotEqualTo(lines);
        Path other = Fixtures.write(folder, "bank-scrambled.csv", scrambled);

        Run run = Run.nextbest("replay", "bank", "--data", data.toString());
        Run again = Run.nextbest("replay", "bank", "--data", other.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).as("the scrambled column is not even looked at").isEmpty();
        assertThat(scores(again)).isEqualTo(scores(run)).isNotEmpty();
        assertThat(again.out()).isEqualTo(run.out().replace(data.toString(), other.toString()));
    }

    private static List<String> scores(Run run) {
        ReplayCommand command = run.subcommand("replay");
        return command.result().scored().stream()
                .map(s -> s.customer().line() + " " + s.score()).collect(Collectors.toList());
    }

    @Test
    void aBlankTotalChargesIsCountedAndTheCustomerIsStillDecided() throws Exception {
        List<String> lines = new ArrayList<>(Fixtures.telcoLines(200, 5));
        String blank = lines.get(7).replaceFirst(",[0-9.]+,(Yes|No)$", ", ,$1");
        lines.set(7, blank);
        Path data = Fixtures.write(folder, "telco.csv", lines);

        Run run = Run.nextbest("replay", "telco", "--data", data.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains(data + ", line 8, field 'TotalCharges': is blank: left out of the request");
        Result result = ((ReplayCommand) run.subcommand("replay")).result();
        assertThat(result.tally().badFields()).containsEntry("TotalCharges", 1);
        assertThat(result.testRows() + result.trainingRows()).isEqualTo(200);
        assertThat(run.out()).contains("Read: 200 lines, 0 skipped, fields left out of their request: TotalCharges 1.");
    }

    @Test
    void aBadLineIsReportedWithItsLineAndFieldAndTheRestIsReplayed() throws Exception {
        List<String> lines = new ArrayList<>(Fixtures.telcoLines(100, 6));
        lines.set(3, lines.get(3).replaceFirst(",(Yes|No)$", ",Maybe"));
        lines.set(5, lines.get(5).substring(0, lines.get(5).lastIndexOf(',')));
        Path data = Fixtures.write(folder, "telco.csv", lines);

        Run run = Run.nextbest("replay", "telco", "--data", data.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains(data + ", line 6: has 20 fields, the header has 21")
                .contains(data + ", line 4, field 'Churn': 'Maybe' is neither yes nor no");
        Result result = ((ReplayCommand) run.subcommand("replay")).result();
        assertThat(result.tally().skippedLines()).isEqualTo(2);
        assertThat(result.testRows() + result.trainingRows()).isEqualTo(98);
    }

    @Test
    void telcoCustomersAreSplitByAHashOfTheirIdWhateverTheFileOrder() throws Exception {
        List<String> lines = Fixtures.telcoLines(300, 7);
        List<String> shuffled = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(shuffled, new Random(1));
        shuffled.add(0, lines.get(0));
        Result result = replay("telco", Fixtures.write(folder, "a.csv", lines));
        Result reordered = replay("telco", Fixtures.write(folder, "b.csv", shuffled));

        assertThat(ids(reordered)).isEqualTo(ids(result));
        assertThat(result.testRows()).isBetween(60, 120);
        assertThat(Report.json(result)).isEqualTo(Report.json(reordered));
    }

    @Test
    void theBankReportsItsLatestQuarterInDateOrder() throws Exception {
        List<String> lines = Fixtures.bankLines(8, 25, 8);
        Result result = replay("bank", Fixtures.write(folder, "bank.csv", lines));

        assertThat(result.trainingRows()).isEqualTo(150);
        assertThat(result.scored()).extracting(s -> s.customer().line())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(152, 201).boxed().toList());
        assertThat(result.daily()).hasValueSatisfying(d -> assertThat(d.days()).isEqualTo(2));
    }

    @Test
    void theJsonHasTheIssuesShape() throws Exception {
        Run run = Run.nextbest("replay", "bank", "--json", "--data",
                Fixtures.write(folder, "bank.csv", Fixtures.bankLines(8, 25, 9)).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(fields(json)).containsExactly("dataset", "mode", "testRows", "positives", "capture",
                "dailyCapacityCapture");
        assertThat(fields(json.get("capture"))).containsExactly("0.1", "0.2", "0.3", "0.5");
        assertThat(json.get("dataset").asText()).isEqualTo("bank");
        assertThat(json.get("mode").asText()).isEqualTo("rules");
        assertThat(json.get("testRows").asInt()).isEqualTo(50);
        assertThat(json.get("dailyCapacityCapture").isNumber()).isTrue();
        Run telco = Run.nextbest("replay", "telco", "--json", "--data",
                Fixtures.write(folder, "telco.csv", Fixtures.telcoLines(100, 9)).toString());
        assertThat(new ObjectMapper().readTree(telco.out()).get("dailyCapacityCapture").isNull()).isTrue();
    }

    @Test
    void aMappingThatMissesAColumnOfTheDataSaysWhich() throws Exception {
        Path pack = Files.createDirectories(folder.resolve("pack"));
        for (String name : DataSet.PACK_FILES) {
            Files.copy(AnalystsGuideTest.ROOT.resolve("rules/replay/telco").resolve(name), pack.resolve(name));
        }
        Path mapping = pack.resolve("mapping.csv");
        Files.write(mapping, Files.readAllLines(mapping).stream().filter(l -> !l.startsWith("gender,")).toList());
        Path data = Fixtures.write(folder, "telco.csv", Fixtures.telcoLines(20, 1));

        Run run = Run.nextbest("replay", "telco", "--rules", pack.toString(), "--data", data.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(data + ": has a column 'gender' that " + pack + "/mapping.csv does not name");
    }

    @Test
    void anUnknownDataSetOrMissingFileIsOneLine() {
        assertThat(Run.nextbest("replay", "retail", "--data", "x.csv").err())
                .isEqualTo("nextbest replay: 'retail' is not a data set: telco or bank" + System.lineSeparator());
        assertThat(Run.nextbest("replay", "telco", "--data", folder.resolve("none.csv").toString()).err())
                .contains("none.csv: no such file");
    }

    @Test
    void theTunerPrintsAWeightForEveryRowThatFiresOnTheTrainingPart() throws Exception {
        Run run = Run.nextbest("replay", "telco", "--tune", "--data",
                Fixtures.write(folder, "telco.csv", Fixtures.telcoLines(400, 4)).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Weights fitted on the training part only")
                .containsPattern("arbitration\\.drl\\.csv row 15 +[0-9,]+ +[0-9.]+% +[0-9.]+  Month-to-month contract")
                .contains("Check within the training part");
        assertThat(((ReplayCommand) run.subcommand("replay")).result()).isNull();
    }

    private static Result replay(String set, Path data) {
        Run run = Run.nextbest("replay", set, "--data", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return ((ReplayCommand) run.subcommand("replay")).result();
    }

    private static Set<String> ids(Result r) {
        return r.scored().stream().map(s -> s.customer().id()).collect(Collectors.toSet());
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
