package io.nextbest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.contactcenter.OutboundExample;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nextbest outbound} on the sample of {@code examples/outbound/}, and the README's section on it. */
class OutboundCommandTest {
    static final Path README = Path.of("../README.md");
    static final String AT = "2026-11-23T15:00:00Z";

    static Run outbound(Path customers, Path events, Path history, Path plan) {
        return Run.nextbest("outbound", "--customers", customers.toString(), "--events", events.toString(),
                "--history", history.toString(), "--capacity", "outbound/capacity.csv", "--at", AT,
                "--out", plan.toString());
    }

    static Run sample(Path plan) {
        return outbound(Path.of("outbound/customers.csv"), Path.of("outbound/events.csv"),
                Path.of("outbound/history.csv"), plan);
    }

    @Test
    void theSampleIsPlannedAndItsTwoBadRowsAreNamedAndSkipped(@TempDir Path dir) throws IOException {
        Path plan = dir.resolve("plan.csv");
        Run run = sample(plan);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(readmeBlock("errors"));
        assertThat(Files.readString(plan)).isEqualTo(readmeBlock("plan"));
        assertThat(run.out()).isEqualTo(readmeBlock("summary"));
    }

    @Test
    void jsonLinesInGiveTheSamePlanAsCsvAndJsonLinesOut(@TempDir Path dir) throws IOException {
        Path csvPlan = dir.resolve("plan.csv");
        sample(csvPlan);
        Path customers = jsonLines(Path.of("outbound/customers.csv"), dir.resolve("customers.jsonl"));
        Path events = jsonLines(Path.of("outbound/events.csv"), dir.resolve("events.jsonl"));
        Path history = jsonLines(Path.of("outbound/history.csv"), dir.resolve("history.jsonl"));
        Path jsonPlan = dir.resolve("plan.jsonl");

        Run run = outbound(customers, events, history, jsonPlan);

        assertThat(run.errLines()).containsExactly(
                "events.jsonl line 1: customer C0999 is not in the customers file",
                "events.jsonl line 8: time: must be a time such as 2026-11-23T15:00:00Z, got 'yesterday'");
        List<String> fromJson = new ArrayList<>();
        for (String line : Files.readAllLines(jsonPlan)) {
            ObjectNode contact = (ObjectNode) new ObjectMapper().readTree(line);
            List<String> cells = new ArrayList<>();
            PlanFile.COLUMNS.forEach(c -> cells.add(PlanFile.csv(contact.get(c).asText())));
            fromJson.add(String.join(",", cells));
        }
        assertThat(fromJson).isEqualTo(Files.readAllLines(csvPlan).subList(1, Files.readAllLines(csvPlan).size()));
    }

    @Test
    void aCustomerOutOfOrderIsNamedAndSkippedAndTheRestIsPlanned(@TempDir Path dir) throws IOException {
        Path customers = dir.resolve("customers.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("outbound/customers.csv")));
        lines.add(lines.remove(1)); // C1001 after C1010
        Files.write(customers, lines);
        Path plan = dir.resolve("plan.csv");

        Run run = outbound(customers, Path.of("outbound/events.csv"), Path.of("outbound/history.csv"), plan);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).contains("customers.csv line 11: customer C1001 comes after C1010: the file must be "
                + "sorted by customer id, each customer once");
        assertThat(run.errLines()).contains("events.csv line 3: customer C1001 is not in the customers file");
        assertThat(Files.readString(plan)).doesNotContain("C1001").contains("C1006");
    }

    @Test
    void theEventsOfACustomerWhoseRowIsSkippedAreNamedAndCounted(@TempDir Path dir) throws IOException {
        Path customers = dir.resolve("customers.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("outbound/customers.csv")));
        assertThat(lines.get(1)).startsWith("C1001,");
        lines.set(1, lines.get(1).replace(",0.10,", ",high,"));
        Files.write(customers, lines);
        Path plan = dir.resolve("plan.csv");

        Run run = outbound(customers, Path.of("outbound/events.csv"), Path.of("outbound/history.csv"), plan);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).contains("events.csv line 3: OUTAGE of customer C1001 is not planned: its customer's "
                + "row, customers.csv line 2, was skipped");
        assertThat(run.out()).startsWith("customers planned: 9, rows skipped: 3, events of skipped customers not "
                + "planned: 1\n");
        assertThat(Files.readString(plan)).doesNotContain("C1001");
    }

    @Test
    void cleanInputsExitWithZero(@TempDir Path dir) throws IOException {
        Path events = dir.resolve("events.csv");
        Files.write(events, Files.readAllLines(Path.of("outbound/events.csv")).stream()
                .filter(l -> !l.startsWith("C0999") && !l.contains("yesterday")).toList());

        Run run = outbound(Path.of("outbound/customers.csv"), events, Path.of("outbound/history.csv"),
                dir.resolve("plan.csv"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void anUnknownColumnStopsTheRunAtItsPlace(@TempDir Path dir) throws IOException {
        Path events = dir.resolve("events.csv");
        Files.writeString(events, "customerId,kind,tme\nC1001,OUTAGE,2026-11-23T13:40:00Z\n");

        Run run = outbound(Path.of("outbound/customers.csv"), events, Path.of("outbound/history.csv"),
                dir.resolve("plan.csv"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("events.csv line 1, column 3: 'tme' is not a column of this file; its columns "
                + "are customerId, kind, time and attributes.NAME");
    }

    @Test
    void theReadmeShowsTheJavaExampleAsCompiledAndWhatItPrints() throws IOException {
        assertThat(readmeBlock("java")).isEqualTo(Files.readString(
                Path.of("src/main/java/com/example/contactcenter/OutboundExample.java")));
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            OutboundExample.main(new String[0]);
        } finally {
            System.setOut(out);
        }
        String line = printed.toString(StandardCharsets.UTF_8).strip();
        assertThat(Files.readString(README)).contains("prints `" + line + "`.");
    }

    /** The code block after {@code <!-- outbound: NAME -->} in the README. */
    static String readmeBlock(String name) throws IOException {
        String readme = Files.readString(README);
        int marker = readme.indexOf("<!-- outbound: " + name + " -->");
        assertThat(marker).as("the README's outbound %s block", name).isNotNegative();
        int start = readme.indexOf('\n', readme.indexOf("```", marker)) + 1;
        return readme.substring(start, readme.indexOf("```", start));
    }

    /** A CSV file as JSON Lines: the same fields, blank cells left out, attributes as a nested object. */
    static Path jsonLines(Path csv, Path jsonl) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        List<String> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            ObjectNode o = json.createObjectNode();
            for (int c = 0; c < header.length; c++) {
                if (cells[c].isEmpty()) {
                    continue;
                }
                if (header[c].startsWith("attributes.")) {
                    o.with("attributes").put(header[c].substring("attributes.".length()), cells[c]);
                } else {
                    o.put(header[c], cells[c]);
                }
            }
            out.add(json.writeValueAsString(o));
        }
        Files.write(jsonl, out);
        return jsonl;
    }
}
