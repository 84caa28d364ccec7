package io.nextbest.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.Channel;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.DecisionEngine;
import io.nextbest.NextBest;
import io.nextbest.outbound.Attempt;
import io.nextbest.outbound.Event;
import io.nextbest.outbound.NoContact;
import io.nextbest.outbound.OptIn;
import io.nextbest.outbound.OutboundPlanner;
import io.nextbest.outbound.OutboundPolicy;
import io.nextbest.outbound.PlanCollector;
import io.nextbest.outbound.PlannedContact;
import io.nextbest.outbound.ProgramKind;
import io.nextbest.outbound.Recipient;
import io.nextbest.rules.DefaultRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysts' guide's outbound rows ({@code <!-- outbound policy: FILE -->} in {@code rules/README.md}), each
 * added to a copy of {@code rules/outbound/} and shown to change a plan as the guide says. (The program's
 * catalog entry, scenarios and rule row are a worked example that {@link AnalystsGuideTest} runs.)
 */
class OutboundGuideTest {
    static final Path POLICY = Path.of("..", "rules", "outbound");
    static final Instant MONDAY = Instant.parse("2026-11-23T15:00:00Z");

    /** A copy of the default policy with the guide's row for {@code file} appended, or without it. */
    static OutboundPolicy policy(Path dir, String file, boolean withTheGuidesRow) throws IOException {
        for (Path f : Files.list(POLICY).toList()) {
            Files.copy(f, dir.resolve(f.getFileName()));
        }
        if (withTheGuidesRow) {
            String row = String.join("\n", guideBlock(file)) + "\n";
            Files.writeString(dir.resolve(file), Files.readString(dir.resolve(file)) + row);
        }
        return OutboundPolicy.read(dir);
    }

    static List<String> guideBlock(String file) throws IOException {
        List<String> lines = Files.readString(AnalystsGuideTest.GUIDE).lines().toList();
        int marker = lines.indexOf(lines.stream().filter(l -> l.strip().equals("<!-- outbound policy: " + file + " -->"))
                .findFirst().orElseThrow(() -> new AssertionError("the guide has no outbound row for " + file)));
        List<String> block = lines.subList(marker + 2, lines.size());
        return block.subList(0, block.indexOf(block.stream().filter(l -> l.strip().startsWith("```")).findFirst()
                .orElseThrow())).stream().map(String::strip).toList();
    }

    static PlanCollector plan(OutboundPolicy policy, Instant at, Recipient r, Event e, List<Attempt> history) {
        try (DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).build()) {
            PlanCollector plan = new PlanCollector();
            try (OutboundPlanner.Run run = OutboundPlanner.builder(engine).policy(policy).build().start(at, plan)) {
                run.plan(r, List.of(e), history);
            }
            return plan;
        }
    }

    @Test
    void theGuidesProgramIsPlannedWithItsRowAndRefusedWithout(@TempDir Path with, @TempDir Path without)
            throws IOException {
        List<AnalystsGuideTest.Part> parts = AnalystsGuideTest.parts(Files.readString(AnalystsGuideTest.GUIDE)).stream()
                .filter(p -> p.example().equals("outbound")).toList();
        Map<String, String> files = AnalystsGuideTest.files(AnalystsGuideTest.PACK);
        for (AnalystsGuideTest.Part p : parts) {
            if (p.kind().equals("catalog")) {
                files.put("catalog.json", AnalystsGuideTest.withOffer(files.get("catalog.json"), p.lines()));
            } else if (p.kind().equals("row")) {
                List<List<String>> table = AnalystsGuideTest.cells(p.lines());
                files.put(p.file(), AnalystsGuideTest.withRow(files.get(p.file()), table.get(0), table.get(1)));
            }
        }
        Recipient r = new Recipient(Customer.builder("C3").timeZone("America/Chicago").region("IL").build(),
                List.of(new OptIn(Channel.SMS, EnumSet.of(ProgramKind.SERVICE), null)), null, null, false);
        try (DecisionEngine engine = NextBest.engine().rules(AnalystsGuideTest.pack("order-status", files)).build()) {
            PlanCollector plan = new PlanCollector();
            OutboundPlanner planner = OutboundPlanner.builder(engine).policy(policy(with, "programs.csv", true)).build();
            try (OutboundPlanner.Run run = planner.start(MONDAY, plan)) {
                run.plan(r, List.of(new Event("C3", "ORDER_SHIPPED", MONDAY, Map.of())), List.of());
            }
            assertThat(plan.planned()).singleElement().satisfies(c -> {
                assertThat(c.offerId()).isEqualTo("OUT-ORDER-SHIPPED");
                assertThat(c.priority()).isEqualTo(35);
                assertThat(c.actions()).containsExactly("TRACK_ORDER", "TALK_TO_AGENT");
            });
            assertThat(planner.policy().programsStartedBy("ORDER_SHIPPED")).containsExactly("order-status");
            OutboundPolicy withoutTheRow = policy(without, "programs.csv", false);
            assertThatThrownBy(() -> OutboundPlanner.builder(engine).policy(withoutTheRow).build())
                    .hasMessageContaining("programs.csv: has no row for program 'order-status'");
        }
    }

    @Test
    void theGuidesCapHoldsBackAThirdMarketingTextInAWeek(@TempDir Path with, @TempDir Path without)
            throws IOException {
        Recipient r = new Recipient(Customer.builder("C1").timeZone("America/Chicago").region("IL").build(),
                List.of(new OptIn(Channel.SMS, EnumSet.allOf(ProgramKind.class), null)), null, null, false);
        Event usage = new Event("C1", "USAGE_NEAR_ALLOWANCE", MONDAY, Map.of("usagePercent", 90));
        List<Attempt> twoTexts = List.of(
                new Attempt("C1", "plan-change", Channel.SMS, MONDAY.minus(Duration.ofDays(2)), ContactOutcome.IGNORED,
                        null, false),
                new Attempt("C1", "rate-change", Channel.SMS, MONDAY.minus(Duration.ofDays(4)), ContactOutcome.IGNORED,
                        null, false));

        List<NoContact> held = plan(policy(with, "caps.csv", true), MONDAY, r, usage, twoTexts).notPlanned();
        List<PlannedContact> sent = plan(policy(without, "caps.csv", false), MONDAY, r, usage, twoTexts).planned();

        assertThat(held).singleElement().satisfies(n -> assertThat(n.reason()).isEqualTo("CAP_TWO_TEXTS_A_WEEK"));
        assertThat(sent).hasSize(1);
    }

    @Test
    void theGuidesRegionalWindowDefersAFloridaCallAfterEightInTheEvening(@TempDir Path with, @TempDir Path without)
            throws IOException {
        Instant evening = Instant.parse("2026-11-24T01:30:00Z"); // Monday 20:30 in Miami
        Recipient r = new Recipient(Customer.builder("C2").timeZone("America/New_York").region("FL").build(),
                List.of(new OptIn(Channel.OUTBOUND_VOICE, EnumSet.allOf(ProgramKind.class), null)), null, null, false);
        Event outage = new Event("C2", "OUTAGE", evening, Map.of());

        PlannedContact deferred = plan(policy(with, "calling-hours.csv", true), evening, r, outage, List.of())
                .planned().get(0);
        PlannedContact now = plan(policy(without, "calling-hours.csv", false), evening, r, outage, List.of())
                .planned().get(0);

        assertThat(deferred.localTime()).isEqualTo(LocalDateTime.parse("2026-11-24T08:00"));
        assertThat(now.localTime()).isEqualTo(LocalDateTime.parse("2026-11-23T20:30"));
    }

    @Test
    void theGuidesCapacityMovesASecondEmailToTheNextDayInNewYork(@TempDir Path with, @TempDir Path without)
            throws IOException {
        List<String> withTheRow = emailsOfTwoOutages(policy(with, "capacity.csv", true));
        List<String> withoutTheRow = emailsOfTwoOutages(policy(without, "capacity.csv", false));

        assertThat(withTheRow).containsExactly("C1 2026-11-23T10:00", "C2 2026-11-24T08:00 MOVED_FOR_CAPACITY");
        assertThat(withoutTheRow).containsExactly("C1 2026-11-23T10:00", "C2 2026-11-23T10:00");
    }

    /** Two customers in New York with an outage, e-mail their only channel: when each is e-mailed, local time. */
    static List<String> emailsOfTwoOutages(OutboundPolicy policy) {
        List<String> sent = new java.util.ArrayList<>();
        try (DecisionEngine engine = NextBest.engine().rules(DefaultRules.pack()).build()) {
            PlanCollector plan = new PlanCollector();
            try (OutboundPlanner.Run run = OutboundPlanner.builder(engine).policy(policy).build().start(MONDAY, plan)) {
                for (String id : List.of("C1", "C2")) {
                    Recipient r = new Recipient(Customer.builder(id).timeZone("America/New_York").region("NY").build(),
                            List.of(new OptIn(Channel.EMAIL, EnumSet.of(ProgramKind.SERVICE), null)), null, null,
                            false);
                    run.plan(r, List.of(new Event(id, "OUTAGE", MONDAY, Map.of())), List.of());
                }
            }
            plan.planned().forEach(c -> sent.add(c.customerId() + " " + c.localTime()
                    + (c.reasons().contains("MOVED_FOR_CAPACITY") ? " MOVED_FOR_CAPACITY" : "")));
        }
        return sent;
    }
}
