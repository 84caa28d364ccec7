package io.nextbest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nextbest.Decision;
import io.nextbest.json.JsonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DecideCommandTest {
    static final Path AT_RISK_CALLER = Path.of("requests/at-risk-caller.json");
    static final Path SHIFT = Path.of("requests/shift.jsonl");
    static final JsonCodec JSON = new JsonCodec();

    @Test
    void aRequestFileGetsOneDecision() {
        Run run = Run.nextbest("decide", AT_RISK_CALLER.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).hasSize(1);
        Decision decision = JSON.readDecision(run.out());
        assertThat(decision.customerId()).isEqualTo("C204518");
        assertThat(decision.reasons()).isNotEmpty();
    }

    @Test
    void prettyIndentsTheDecision() {
        Run run = Run.withInput(read(AT_RISK_CALLER), "decide", "--pretty");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines().size()).isGreaterThan(10);
        assertThat(JSON.readDecision(run.out()).customerId()).isEqualTo("C204518");
    }

    @Test
    void theSampleShiftIsDecidedLineByLineAndItsBadLineIsNamed() {
        Run run = Run.nextbest("decide", SHIFT.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).hasSize(4);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("line 3: $.purchases[0].amount: ");
    }

    @Test
    void inJsonLinesTheGoodLinesAreDecidedInOrderAndEveryBadLineIsNamed() {
        String good = compact(request(r -> { }));
        String input = String.join("\n",
                good,
                "{\"customer\": {\"id\": \"C1\"}, ",
                good.replace("C204518", "C777"),
                "",
                compact(request(r -> customer(r).remove("id"))),
                compact(request(r -> interaction(r).put("channel", "CARRIER_PIGEON"))),
                good.replace("C204518", "C888")) + "\n";
        Run run = Run.withInput(input, "decide");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).extracting(l -> JSON.readDecision(l).customerId())
                .containsExactly("C204518", "C777", "C888");
        List<String> err = run.errLines();
        assertThat(err).hasSize(3);
        assertThat(err.get(0)).startsWith("line 2: $: malformed JSON");
        assertThat(err.get(1)).startsWith("line 5: $.customer.id: ");
        assertThat(err.get(2)).startsWith("line 6: $.interaction.channel: ");
    }

    @Test
    void aLineThatIsNotUtf8IsNamedAndTheOthersAreDecided() {
        String good = compact(request(r -> { }));
        String latin1 = compact(request(r -> customer(r).put("region", "Québec")));
        byte[] input = join(good.getBytes(StandardCharsets.UTF_8), latin1.getBytes(StandardCharsets.ISO_8859_1),
                good.replace("C204518", "C777").getBytes(StandardCharsets.UTF_8));
        Run run = Run.withBytes(input, "decide");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).extracting(l -> JSON.readDecision(l).customerId())
                .containsExactly("C204518", "C777");
        int at = latin1.indexOf('é') + 1;
        assertThat(run.errLines())
                .containsExactly("line 2: is not UTF-8 text: byte 0xE9 at byte " + at + " of the line");
    }

    @Test
    void aFirstLineThatIsNotUtf8IsNamedToo() {
        String good = compact(request(r -> { }));
        byte[] input = join(good.replace("C204518", "C2\u00e9").getBytes(StandardCharsets.ISO_8859_1),
                good.getBytes(StandardCharsets.UTF_8));
        Run run = Run.withBytes(input, "decide");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.outLines()).hasSize(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("line 1: is not UTF-8 text: byte 0xE9");
    }

    @Test
    void aRequestDocumentThatIsNotUtf8IsNamedByItsLine() {
        String document = pretty(request(r -> customer(r).put("region", "Québec")));
        Run run = Run.withBytes(document.getBytes(StandardCharsets.ISO_8859_1), "decide");

        assertOneLineError(run, "standard input: line ");
        int line = (int) document.substring(0, document.indexOf('é')).lines().count();
        assertThat(run.err()).contains("line " + line + ": is not UTF-8 text: byte 0xE9");
    }

    @Test
    void everyProblemOfALineIsToldOnItsLine() {
        String bad = compact(request(r -> {
            customer(r).remove("id");
            customer(r).put("churnRisk", 7);
            interaction(r).put("channel", "CARRIER_PIGEON");
        }));
        Run run = Run.withInput(bad + "\n", "decide");

        assertThat(run.errLines()).singleElement().asString().startsWith("line 1: 3 problems: ")
                .contains("$.customer.id: is required")
                .contains("$.customer.churnRisk: must be between 0 and 1, got 7.0")
                .contains("$.interaction.channel: must be one of");
    }

    @Test
    void malformedJsonIsOneLineOnStderr() {
        Run run = Run.withInput("{\n  \"customer\": {\"id\": \"C1\"},\n  \"interaction\": \n", "decide");
        assertOneLineError(run, "malformed JSON");
    }

    @Test
    void aMissingCustomerIdIsNamed() {
        Run run = Run.withInput(pretty(request(r -> customer(r).remove("id"))), "decide");
        assertOneLineError(run, "$.customer.id");
    }

    @Test
    void aNegativeAmountIsNamed() {
        Run run = Run.withInput(pretty(request(r -> ((ObjectNode) r.get("purchases").get(0)).put("amount", -5))),
                "decide");
        assertOneLineError(run, "$.purchases[0].amount");
        assertThat(run.err()).contains("-5");
    }

    @Test
    void anUnknownChannelIsNamed() {
        Run run = Run.withInput(pretty(request(r -> interaction(r).put("channel", "CARRIER_PIGEON"))), "decide");
        assertOneLineError(run, "$.interaction.channel");
        assertThat(run.err()).contains("INBOUND_VOICE");
    }

    @Test
    void aByteOrderMarkBeforeTheFirstRequestIsSkipped() {
        Run run = Run.withInput("\uFEFF" + compact(request(r -> customer(r).remove("id"))) + "\n", "decide");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().startsWith("line 1: $.customer.id: ");
    }

    @Test
    void aMissingFileIsOneLine() {
        Run run = Run.nextbest("decide", "requests/no-such-file.json");
        assertOneLineError(run, "requests/no-such-file.json");
        assertThat(run.err()).contains("no such file");
    }

    @Test
    void anEmptyInputIsOneLine() {
        Run run = Run.withInput("\n  \n", "decide");
        assertOneLineError(run, "empty");
    }

    @Test
    void aBrokenRulesFolderIsReportedBeforeAnyDecision() {
        Run run = Run.withInput(read(AT_RISK_CALLER), "decide", "--rules", "src/test/resources/packs/broken");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("NO-SUCH-OFFER").doesNotContain("\tat ");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(Run.nextbest("decide", "--no-such-option").exitCode()).isEqualTo(2);
        assertThat(Run.nextbest("decide", "a.json", "b.json").exitCode()).isEqualTo(2);
        assertThat(Run.nextbest().exitCode()).isEqualTo(2);
        assertThat(Run.nextbest("--help").exitCode()).isZero();
    }

    @Test
    void anUnexpectedErrorIsOneLineWithAHintAndItsStackTraceUnderVerbose() {
        assertThat(unexpected("decide")).hasSize(1).first().asString()
                .contains("IllegalStateException: boom").contains("--verbose");
        assertThat(unexpected("decide", "--verbose")).hasSizeGreaterThan(2).anyMatch(l -> l.startsWith("\tat "));
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> unexpected(String... args) {
        CommandLine commandLine = Main.commandLine(System.in);
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        CommandLine.ParseResult parsed = commandLine.parseArgs(args);
        int exitCode = new Errors().handleExecutionException(new IllegalStateException("boom"),
                parsed.subcommand().commandSpec().commandLine(), parsed);
        assertThat(exitCode).isEqualTo(1);
        return err.toString().lines().toList();
    }

    private static void assertOneLineError(Run run, String named) {
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().contains(named);
    }

    /** The sample request, changed. */
    private static JsonNode request(Consumer<ObjectNode> change) {
        try {
            ObjectNode request = (ObjectNode) JSON.reader().readTree(Files.readString(AT_RISK_CALLER));
            change.accept(request);
            return request;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] join(byte[]... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static ObjectNode customer(ObjectNode request) {
        return (ObjectNode) request.get("customer");
    }

    private static ObjectNode interaction(ObjectNode request) {
        return (ObjectNode) request.get("interaction");
    }

    private static String compact(JsonNode node) {
        return node.toString();
    }

    private static String pretty(JsonNode node) {
        return node.toPrettyString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
