package io.nextbest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.nextbest.BillingStatus;
import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.NextBest;
import io.nextbest.OfferKind;
import io.nextbest.QueueType;
import io.nextbest.Reason;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.Sentiment;
import io.nextbest.catalog.OfferTargets;
import io.nextbest.facts.Situation;
import io.nextbest.scenarios.ScenarioRunner;
import io.nextbest.scenarios.ScenarioRunner.Report;
import io.nextbest.scenarios.ScenarioRunner.Result;
import io.nextbest.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The analysts' guide, {@code rules/README.md}, run as an analyst would follow it: its commands, the
 * validation messages it shows, its worked examples (an offer, a suppression: their catalog entry, table
 * column and rows, and the scenarios that must fail before the new rule and pass after it), and the
 * names, codes and offer targets it quotes.
 *
 * <p>A worked example is marked in the guide by a comment that the rendered page does not show,
 * {@code <!-- example: ID PART [FILE] -->}, right before its block or table: {@code catalog} (an offer
 * to add), {@code column FILE} (a condition column to add before the first action column), {@code row
 * FILE} (rows to add, by column header) and {@code scenarios} (a scenario file).
 */
class AnalystsGuideTest {
    static final Path ROOT = Path.of("..");
    static final Path GUIDE = ROOT.resolve("rules/README.md");
    static final Path PACK = ROOT.resolve("rules/pack");
    static final String COMMAND = "java -jar examples/target/nextbest.jar ";
    static final Pattern MARK = Pattern.compile("^\\s*<!-- example: (\\S+)(?: (\\S+))?(?: (\\S+))? -->\\s*$");

    static String guide;
    static List<Part> parts;

    /** One marked part of a worked example: what it is, the file it goes to, and its text. */
    record Part(String example, String kind, String file, List<String> lines) {
    }

    @BeforeAll
    static void readTheGuide() throws IOException {
        guide = Files.readString(GUIDE);
        parts = parts(guide);
    }

    /** Every marked block or table of the guide, with its indentation removed. */
    static List<Part> parts(String text) {
        List<String> lines = text.lines().toList();
        List<Part> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARK.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String kind = m.group(2) == null ? m.group(1) : m.group(2);
            List<String> body = new ArrayList<>();
            int j = i + 1;
            String first = lines.get(j).strip();
            if (first.startsWith("```")) {
                for (j++; !lines.get(j).strip().startsWith("```"); j++) {
                    body.add(lines.get(j).strip());
                }
            } else {
                for (; j < lines.size() && lines.get(j).strip().startsWith("|"); j++) {
                    body.add(lines.get(j).strip());
                }
            }
            assertThat(body).as("the block after %s", lines.get(i)).isNotEmpty();
            found.add(new Part(m.group(1), kind, m.group(3), body));
        }
        return found;
    }

    // ---------------------------------------------------------------- commands and messages

    static Stream<String> commands() {
        return readGuide().lines().filter(l -> l.startsWith(COMMAND)).distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void everyCommandOfTheGuideRunsCleanOnThePack(String command) {
        String[] words = command.substring(COMMAND.length()).strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (Files.exists(ROOT.resolve(words[i]))) {
                words[i] = ROOT.resolve(words[i]).toString();
            }
        }
        Run run = Run.nextbest(words);
        assertThat(run.exitCode()).as("%s%n%s%s", command, run.out(), run.err()).isZero();
        assertThat(run.out()).containsPattern("OK: no problems found|\\d+ passed, 0 failed");
    }

    /** The mistakes the guide's validation messages come from, by the start of the message. */
    static final Map<String, UnaryOperator<Path>> MISTAKES = new LinkedHashMap<>();

    static {
        MISTAKES.put("error: suitability.drl.csv, cell H16 ", pack -> edit(pack, "suitability.drl.csv",
                t -> replaceOnRow(t, "Three offers in 30 days is enough,", ",3,", ",three,")));
        MISTAKES.put("error: suitability.drl.csv, cell C10 ", pack -> edit(pack, "suitability.drl.csv",
                t -> replaceOnRow(t, "A complaint call gets no sales offer,", ",COMPLAINT,", ",COMPLIANT,")));
        MISTAKES.put("error: suitability.drl.csv, cell G8 ", pack -> edit(pack, "suitability.drl.csv",
                t -> t.replace("vulnerable == $param", "vulnrable == $param")));
        MISTAKES.put("error: suitability.drl.csv, cell H8 ", pack -> edit(pack, "suitability.drl.csv",
                t -> t.replace("offersLast30Days >= $param", "offersLast30Days => $param")));
        MISTAKES.put("error: suitability.drl.csv, cell A12 ", pack -> edit(pack, "suitability.drl.csv",
                t -> replaceOnRow(t, "Negative sentiment: no sales,", ",NEGATIVE,", ",,")));
        MISTAKES.put("warning: suitability.drl.csv, cell A17: ", pack -> edit(pack, "suitability.drl.csv",
                t -> t.replace("\nThree offers in 30 days", "\n,,,,\nThree offers in 30 days")));
        MISTAKES.put("error: applicability.csv: ", pack -> {
            try {
                Files.move(pack.resolve("applicability.drl.csv"), pack.resolve("applicability.csv"));
                return pack;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void eachValidationMessageOfTheGuideIsWhatValidateSaysOfItsMistake(@TempDir Path temp) throws IOException {
        List<String> messages = part("validate-messages", "validate-messages").lines();
        assertThat(messages).hasSize(MISTAKES.size());
        int n = 0;
        for (String message : messages) {
            String start = MISTAKES.keySet().stream().filter(message::startsWith).findFirst().orElse(null);
            assertThat(start).as("the mistake behind the guide's message %s", message).isNotNull();
            Path pack = copy(PACK, temp.resolve("pack" + n++));
            Run run = Run.nextbest("validate", MISTAKES.get(start).apply(pack).toString());
            // A warning is what Drools loads: validate fails on it only when --strict.
            assertThat(run.exitCode()).isEqualTo(message.startsWith("error") ? 1 : 0);
            assertThat(run.outLines()).as("what validate says").anyMatch(line -> matches(message, line));
        }
    }

    /** True if the line is the message, where {@code ...} in the message stands for any text. */
    static boolean matches(String message, String line) {
        int at = 0;
        for (String piece : message.split(Pattern.quote("..."), -1)) {
            int found = line.indexOf(piece, at);
            if (found < 0 || (at == 0 && found != 0)) {
                return false;
            }
            at = found + piece.length();
        }
        return message.endsWith("...") || at == line.length();
    }

    // ---------------------------------------------------------------- worked examples

    static Stream<String> examples() {
        return parts(readGuide()).stream().map(Part::example).filter(e -> !e.equals("validate-messages")).distinct();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void aWorkedExampleValidatesAndItsScenariosFailBeforeItsRuleAndPassAfter(String example) throws IOException {
        List<Part> mine = parts.stream().filter(p -> p.example().equals(example)).toList();
        Map<String, String> before = files(PACK);
        for (Part p : mine) {
            switch (p.kind()) {
                case "catalog" -> before.put("catalog.json", withOffer(before.get("catalog.json"), p.lines()));
                case "column" -> before.put(p.file(), withColumn(before.get(p.file()), cells(p.lines()).get(1)));
                case "row", "scenarios" -> { }
                default -> throw new AssertionError("unknown part " + p.kind() + " of " + example);
            }
        }
        Map<String, String> after = new LinkedHashMap<>(before);
        List<String> newRules = new ArrayList<>();
        for (Part p : mine) {
            if (p.kind().equals("row")) {
                List<List<String>> table = cells(p.lines());
                for (List<String> row : table.subList(1, table.size())) {
                    after.put(p.file(), withRow(after.get(p.file()), table.get(0), row));
                    newRules.add(row.get(0));
                    newRules.add(row.get(1));
                }
            }
        }
        assertThat(newRules).as("the rows of %s", example).isNotEmpty();
        byte[] scenarios = String.join("\n", part(example, "scenarios").lines()).getBytes(StandardCharsets.UTF_8);

        RulePack withRule = pack(example + ", done", after);
        assertThat(new Validator().validate(withRule)).as("validating %s", example).isEmpty();
        try (DecisionEngine withoutIt = NextBest.engine().rules(pack(example + ", before the rule", before)).build();
             DecisionEngine withIt = NextBest.engine().rules(withRule).build()) {
            Report done = new ScenarioRunner(withIt).run(example + ".csv", scenarios);
            assertThat(done.problems()).isEmpty();
            assertThat(done.allPassed()).as("%s after the rule: %s", example, done.results()).isTrue();

            Report first = new ScenarioRunner(withoutIt).run(example + ".csv", scenarios);
            int failing = 0;
            for (Result r : first.results()) {
                boolean namesTheRule = newRules.stream().anyMatch(rule -> r.scenario().expect().values().stream()
                        .anyMatch(e -> e.contains(rule)));
                if (namesTheRule) {
                    assertThat(r.passed()).as("'%s' before its rule exists", r.scenario().name()).isFalse();
                }
                failing += r.passed() ? 0 : 1;
            }
            assertThat(failing).as("scenarios of %s that fail before the rule", example).isPositive();
        }
    }

    static Part part(String example, String kind) {
        return parts.stream().filter(p -> p.example().equals(example) && p.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("the guide has no " + kind + " for " + example));
    }

    static String withOffer(String catalog, List<String> json) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(catalog);
        JsonNode offer = mapper.readTree(String.join("\n", json));
        ((ArrayNode) root.get("offers")).add(offer);
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** The table with a column put before its first action column: keyword, the row under it, code, header. */
    static String withColumn(String table, List<String> column) {
        List<List<String>> rows = csv(table);
        int action = -1;
        List<List<String>> out = new ArrayList<>();
        int rowOfTable = -1;
        for (List<String> row : rows) {
            List<String> r = new ArrayList<>(row);
            if (r.get(0).equals("NAME")) {
                action = r.indexOf("ACTION");
                rowOfTable = 0;
            }
            if (rowOfTable >= 0 && action > 0 && !blank(r)) {
                r.add(action, rowOfTable < 4 ? column.get(rowOfTable) : "");
                rowOfTable++;
            }
            out.add(r);
        }
        assertThat(action).as("an ACTION column").isPositive();
        return toCsv(out);
    }

    /** The table with a row added after its last one, its cells set by column header. */
    static String withRow(String table, List<String> headers, List<String> values) {
        List<List<String>> rows = csv(table);
        List<String> header = rows.stream().filter(r -> r.get(0).equals("Rule")).findFirst().orElseThrow();
        List<String> row = new ArrayList<>();
        header.forEach(h -> row.add(""));
        for (int i = 0; i < headers.size(); i++) {
            int at = header.indexOf(headers.get(i));
            assertThat(at).as("the column '%s' in %s", headers.get(i), header).isNotNegative();
            row.set(at, values.get(i));
        }
        int last = rows.size() - 1;
        while (blank(rows.get(last))) {
            last--;
        }
        List<List<String>> out = new ArrayList<>(rows.subList(0, last + 1));
        out.add(row);
        return toCsv(out);
    }

    /** A Markdown table's cells, without the separator line and the code quotes around a cell. */
    static List<List<String>> cells(List<String> table) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : table) {
            if (line.matches("\\|[-| ]+\\|")) {
                continue;
            }
            List<String> row = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
                String c = cell.strip();
                row.add(c.length() > 1 && c.startsWith("`") && c.endsWith("`") ? c.substring(1, c.length() - 1) : c);
            }
            rows.add(row);
        }
        return rows;
    }

    static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    static List<List<String>> csv(String text) {
        try {
            List<List<String>> rows = new ArrayList<>();
            CSV.readerFor(String[].class).<String[]>readValues(text).readAll().forEach(r -> rows.add(List.of(r)));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String toCsv(List<List<String>> rows) {
        try {
            StringBuilder sb = new StringBuilder();
            for (List<String> row : rows) {
                sb.append(CSV.writer(CsvSchema.emptySchema().withLineSeparator("\n")).writeValueAsString(row.toArray()));
            }
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean blank(List<String> row) {
        return row.stream().allMatch(String::isBlank);
    }

    // ---------------------------------------------------------------- what the guide quotes

    @Test
    void theExampleOfADecisionsReasonIsWhatTheEngineSaysOfAComplaintCall() {
        String quoted = "`suitability: A complaint call gets no sales offer [COMPLAINT_NO_SALES] (suitability.drl.csv row 10)`";
        assertThat(guide.replaceAll("\\s+", " ")).contains(quoted);
        try (DecisionEngine engine = NextBest.engine().rules(RulePack.directory(PACK)).build()) {
            DecisionRequest complaint = DecisionRequest.builder(Customer.builder("C-1").tenureMonths(24)
                            .consents(Channel.INBOUND_VOICE).build(),
                    Interaction.builder(Channel.INBOUND_VOICE, Intent.COMPLAINT).resolved(true)
                            .queue(QueueType.SALES).time(Instant.parse("2026-01-15T15:00:00Z")).build())
                    .build();
            assertThat(engine.explain(complaint).fired()).extracting(Object::toString)
                    .contains(quoted.substring(1, quoted.length() - 1));
        }
    }

    @Test
    void theReasonCodesTheGuideQuotesAreThoseOfThePackAndTheEngine() throws IOException {
        String drl = "rule \"No consent to offers on this channel\" @code(NO_CONSENT)";
        assertThat(guide).contains("`" + drl + "`");
        assertThat(Files.readString(PACK.resolve("applicability.drl"))).contains(drl);
        assertThat(guide).contains("(`" + Reason.codeOf("No consent to offers on this channel") + "`)");
        for (String code : Reason.RESERVED_CODES) {
            assertThat(guide).contains("`" + code + "`");
        }
    }

    @Test
    void everyWordTheGuideSaysConditionsCanReadIsSomethingTheSituationHas() {
        String section = section("### What conditions can read");
        Set<String> values = new TreeSet<>();
        for (Class<? extends Enum<?>> e : List.of(BillingStatus.class, Channel.class, Intent.class, Sentiment.class,
                QueueType.class)) {
            Arrays.stream(e.getEnumConstants()).forEach(c -> values.add(c.name()));
        }
        Set<String> methods = new TreeSet<>();
        for (Method m : Situation.class.getMethods()) {
            methods.add(m.getName());
        }
        Matcher quoted = Pattern.compile("`([^`]+)`").matcher(section);
        int words = 0;
        while (quoted.find()) {
            String word = quoted.group(1);
            String name = word.replaceAll("\\(.*\\)$", "");
            if (name.matches("[A-Z][A-Z_]*")) {
                assertThat(values).as("the value %s", word).contains(name);
            } else {
                String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                assertThat(methods).as("what a condition reads: %s", word)
                        .containsAnyOf(name, "get" + cap, "is" + cap);
            }
            words++;
        }
        assertThat(words).isGreaterThan(60);
    }

    @Test
    void everyOfferTargetTheGuideShowsNamesOffersOfTheDefaultCatalog() {
        String section = section("### What actions do");
        int from = section.indexOf("the cell names the offers");
        Matcher quoted = Pattern.compile("`([^`]+)`").matcher(section.substring(from, section.indexOf("- **For offers**")));
        int targets = 0;
        try (DecisionEngine engine = NextBest.engine().rules(RulePack.directory(PACK)).build()) {
            while (quoted.find()) {
                long[] mask = OfferTargets.resolve(quoted.group(1), engine.catalog());
                assertThat(Arrays.stream(mask).anyMatch(w -> w != 0)).as("offers named by %s", quoted.group(1)).isTrue();
                targets++;
            }
        }
        assertThat(targets).isEqualTo(7);
        assertThat(OfferTargets.namesAllOrAKind("kind SALES, kind RETENTION")).isTrue();
        assertThat(OfferKind.values()).extracting(Enum::name).allMatch(k -> guide.contains("`" + k + "`"));
    }

    @Test
    void theLeverTheGuideQuotesIsThePacks() throws IOException {
        assertThat(guide).contains("`This quarter's push: fiber 1 Gbps` multiplies that offer's lever by 1.3");
        List<String> row = csv(Files.readString(PACK.resolve("arbitration.drl.csv"))).stream()
                .filter(r -> r.get(0).equals("This quarter's push: fiber 1 Gbps")).findFirst().orElseThrow();
        assertThat(row).containsSubsequence("offer UP-FIBER-1G", "1.3");
    }

    // ---------------------------------------------------------------- helpers

    static String readGuide() {
        try {
            return Files.readString(GUIDE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String section(String heading) {
        int from = guide.indexOf(heading);
        assertThat(from).as("the section %s", heading).isNotNegative();
        int to = guide.indexOf("\n#", from + heading.length());
        return guide.substring(from, to);
    }

    static Map<String, String> files(Path pack) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (RuleFile f : RulePack.directory(pack).files()) {
            files.put(f.name(), f.text());
        }
        return files;
    }

    static RulePack pack(String name, Map<String, String> files) {
        List<RuleFile> list = new ArrayList<>();
        files.forEach((file, text) -> list.add(RuleFile.of(file, text)));
        return RulePack.of(name, list);
    }

    static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    static Path edit(Path pack, String file, UnaryOperator<String> change) {
        try {
            String text = Files.readString(pack.resolve(file));
            String changed = change.apply(text);
            assertThat(changed).as("the mistake in %s", file).isNotEqualTo(text);
            Files.writeString(pack.resolve(file), changed);
            return pack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String replaceOnRow(String text, String rowStart, String from, String to) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            sb.append(line.startsWith(rowStart) ? line.replaceFirst(Pattern.quote(from), to) : line).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }
}
