package io.nextbest.rules.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.Channel;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.DecisionEngine;
import io.nextbest.NextBest;
import io.nextbest.RuleSetException;
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
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner on the default pack and its default outbound policy, one rule at a time. */
class OutboundPlannerTest {
    /** A Monday, 09:00 in Chicago. */
    static final Instant AT = Instant.parse("2026-11-23T15:00:00Z");
    static final Set<ProgramKind> BOTH = EnumSet.allOf(ProgramKind.class);
    static final Set<ProgramKind> SERVICE_ONLY = EnumSet.of(ProgramKind.SERVICE);

    static DecisionEngine engine;
    static OutboundPlanner planner;

    @BeforeAll
    static void build() {
        engine = NextBest.engine().rules(DefaultRules.pack()).build();
        planner = OutboundPlanner.builder(engine).policy(DefaultRules.outboundPolicy()).build();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    /** The one contact a run planned. */
    static PlannedContact only(PlanCollector plan) {
        assertThat(plan.planned()).as("not planned: %s", plan.notPlanned()).hasSize(1);
        return plan.planned().get(0);
    }

    /** The one event a run did not plan. */
    static NoContact none(PlanCollector plan) {
        assertThat(plan.planned()).isEmpty();
        assertThat(plan.notPlanned()).hasSize(1);
        return plan.notPlanned().get(0);
    }

    static Customer.Builder customer(String id) {
        return Customer.builder(id).timeZone("America/Chicago").region("IL").tenureMonths(30);
    }

    static Recipient recipient(Customer.Builder customer, OptIn... optIns) {
        return new Recipient(customer.build(), List.of(optIns), null, null, false);
    }

    static OptIn optIn(Channel channel, Set<ProgramKind> kinds) {
        return new OptIn(channel, kinds, null);
    }

    static Event event(String id, String kind, Map<String, Object> attributes) {
        return new Event(id, kind, AT.minus(Duration.ofHours(1)), attributes);
    }

    static PlanCollector plan(Instant at, Recipient recipient, List<Event> events, List<Attempt> history) {
        PlanCollector plan = new PlanCollector();
        try (OutboundPlanner.Run run = planner.start(at, plan)) {
            run.plan(recipient, events, history);
        }
        return plan;
    }

    @Test
    void anOutageWarningGoesOutAtOnceOnTheCustomersFirstChannel() {
        PlannedContact c = only(plan(AT, recipient(customer("C1"), optIn(Channel.SMS, SERVICE_ONLY),
                optIn(Channel.EMAIL, BOTH)), List.of(event("C1", "OUTAGE", Map.of())), List.of()));

        assertThat(c.offerId()).isEqualTo("OUT-OUTAGE-WARNING");
        assertThat(c.channel()).isEqualTo(Channel.SMS);
        assertThat(c.utcTime()).isEqualTo(AT);
        assertThat(c.localTime()).isEqualTo(LocalDateTime.parse("2026-11-23T09:00"));
        assertThat(c.kind()).isEqualTo(ProgramKind.SERVICE);
        assertThat(c.actions()).containsExactly("TALK_TO_AGENT");
        assertThat(c.complianceVersion()).isEqualTo("compliance-2026.11");
        assertThat(c.reasons()).contains("OFFER_CHOSEN").doesNotContain("DEFERRED_TO_CALLING_HOURS");
    }

    @Test
    void aContactAtNightIsDeferredToEightInTheMorningNotDropped() {
        Instant night = Instant.parse("2026-11-24T04:30:00Z"); // 22:30 in Chicago
        PlannedContact c = only(plan(night, recipient(customer("C2"), optIn(Channel.OUTBOUND_VOICE, BOTH)),
                List.of(new Event("C2", "OUTAGE", night, Map.of())), List.of()));

        assertThat(c.localTime()).isEqualTo(LocalDateTime.parse("2026-11-24T08:00"));
        assertThat(c.utcTime()).isEqualTo(Instant.parse("2026-11-24T14:00:00Z"));
        assertThat(c.reasons()).contains("DEFERRED_TO_CALLING_HOURS");
    }

    @Test
    void theCustomersPreferredHoursNarrowTheCallingHours() {
        Recipient r = new Recipient(customer("C3").build(), List.of(optIn(Channel.SMS, BOTH)), LocalTime.of(18, 0),
                LocalTime.of(20, 0), false);

        PlannedContact c = only(plan(AT, r, List.of(event("C3", "OUTAGE", Map.of())), List.of()));

        assertThat(c.localTime()).isEqualTo(LocalDateTime.parse("2026-11-23T18:00"));
    }

    @Test
    void aStricterRegionalWindowHoldsATexanSundayCallUntilNoon() {
        Instant sundayMorning = Instant.parse("2026-11-22T15:00:00Z"); // Sunday 09:00 in Chicago
        Recipient r = recipient(customer("C4").region("TX"), optIn(Channel.OUTBOUND_VOICE, BOTH));

        PlannedContact c = only(plan(sundayMorning, r, List.of(new Event("C4", "OUTAGE", sundayMorning, Map.of())),
                List.of()));

        assertThat(c.localTime()).isEqualTo(LocalDateTime.parse("2026-11-22T12:00"));
    }

    @Test
    void withoutAnyOptInForMarketingTheCustomerIsNotContactedAndTold() {
        Recipient r = recipient(customer("C5"), optIn(Channel.SMS, SERVICE_ONLY), optIn(Channel.EMAIL, SERVICE_ONLY));

        NoContact none = none(plan(AT, r, List.of(event("C5", "USAGE_NEAR_ALLOWANCE", Map.of("usagePercent", 90))),
                List.of()));

        assertThat(none.reason()).isEqualTo("NO_OPT_IN");
        assertThat(none.program()).isEqualTo("plan-change");
        assertThat(none.details()).containsExactly("SMS: NO_OPT_IN", "EMAIL: NO_OPT_IN");
    }

    @Test
    void aDoNotCallCustomerIsNotCalledButTextedInTheirOwnOrder() {
        Recipient r = recipient(customer("C6").doNotCall(true), optIn(Channel.OUTBOUND_VOICE, BOTH),
                optIn(Channel.SMS, BOTH));

        PlanCollector plan = plan(AT, r, List.of(event("C6", "OUTAGE", Map.of())), List.of());

        assertThat(only(plan).channel()).isEqualTo(Channel.SMS);
    }

    @Test
    void aDoNotCallListScrubbedMoreThan31DaysAgoStopsMarketingCallsButNotServiceCalls() {
        Instant late = Instant.parse("2026-12-22T15:00:00Z"); // 32 days after the scrub of 2026-11-20
        Recipient r = recipient(customer("C7").churnRisk(0.85), optIn(Channel.OUTBOUND_VOICE, BOTH));

        NoContact retention = none(plan(late, r, List.of(new Event("C7", "CHURN_RISK_RISEN", late, Map.of())), List.of()));
        PlannedContact outage = only(plan(late, r, List.of(new Event("C7", "OUTAGE", late, Map.of())), List.of()));

        assertThat(retention.reason()).isEqualTo("DO_NOT_CALL_LIST_STALE");
        assertThat(outage.program()).isEqualTo("outage");
        assertThat(only(plan(AT, r, List.of(event("C7", "CHURN_RISK_RISEN", Map.of())), List.of())).program())
                .isEqualTo("retention");
    }

    @Test
    void aConsentRevokedBeforeTheDeferredTimeIsHonoured() {
        Instant night = Instant.parse("2026-11-24T04:30:00Z");
        Recipient r = recipient(customer("C8"), new OptIn(Channel.SMS, BOTH, Instant.parse("2026-11-24T10:00:00Z")));

        NoContact none = none(plan(night, r, List.of(new Event("C8", "OUTAGE", night, Map.of())), List.of()));

        assertThat(none.reason()).isEqualTo("CONSENT_REVOKED");
    }

    @Test
    void aMarketingContactOverTheDailyCapWaitsWhileAServiceAlertBypassesIt() {
        Recipient r = recipient(customer("C9").churnRisk(0.85), optIn(Channel.OUTBOUND_VOICE, BOTH));
        List<Attempt> yesterday = List.of(new Attempt("C9", "rate-change", Channel.OUTBOUND_VOICE,
                AT.minus(Duration.ofHours(10)), ContactOutcome.IGNORED, null, false));

        assertThat(none(plan(AT, r, List.of(event("C9", "CHURN_RISK_RISEN", Map.of())), yesterday)).reason())
                .isEqualTo("CAP_ONE_A_DAY");
        assertThat(only(plan(AT, r, List.of(event("C9", "OUTAGE", Map.of())), yesterday)).program())
                .isEqualTo("outage");
    }

    @Test
    void twoDeclinesIn90DaysSuppressMarketing() {
        Recipient r = recipient(customer("C10").churnRisk(0.85), optIn(Channel.OUTBOUND_VOICE, BOTH));
        List<Attempt> declines = List.of(
                new Attempt("C10", "plan-change", Channel.SMS, AT.minus(Duration.ofDays(40)), ContactOutcome.DECLINED,
                        null, false),
                new Attempt("C10", "plan-change", Channel.SMS, AT.minus(Duration.ofDays(20)), ContactOutcome.DECLINED,
                        null, false));

        assertThat(none(plan(AT, r, List.of(event("C10", "CHURN_RISK_RISEN", Map.of())), declines)).reason())
                .isEqualTo("TWO_DECLINES_REST_90");
    }

    @Test
    void sevenCollectionCallsInSevenDaysAboutOneDebtAreTheLimitAndTheReminderGoesByText() {
        Recipient r = recipient(customer("C11"), optIn(Channel.OUTBOUND_VOICE, BOTH), optIn(Channel.SMS, BOTH));
        List<Attempt> calls = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            calls.add(new Attempt("C11", "collections", Channel.OUTBOUND_VOICE, AT.minus(Duration.ofHours(20 * i)),
                    ContactOutcome.IGNORED, "D-1", false));
        }
        Event due = event("C11", "BALANCE_DUE", Map.of("debt", "D-1"));

        PlanCollector plan = plan(AT, r, List.of(due), calls);

        assertThat(only(plan).channel()).isEqualTo(Channel.SMS);
        assertThat(only(plan(AT, r, List.of(event("C11", "BALANCE_DUE", Map.of("debt", "D-2"))), calls)).channel())
                .as("another debt").isEqualTo(Channel.OUTBOUND_VOICE);
    }

    @Test
    void noCollectionCallWithinSevenDaysOfAConversationAboutTheDebt() {
        Recipient r = recipient(customer("C12"), optIn(Channel.OUTBOUND_VOICE, BOTH));
        List<Attempt> talked = List.of(new Attempt("C12", "collections", Channel.OUTBOUND_VOICE,
                AT.minus(Duration.ofDays(3)), ContactOutcome.IGNORED, "D-1", true));

        NoContact none = none(plan(AT, r, List.of(event("C12", "BALANCE_DUE", Map.of("debt", "D-1"))), talked));

        assertThat(none.reason()).isEqualTo("COLLECTION_AFTER_CONVERSATION");
    }

    @Test
    void aChurnEventWithoutAnOfferIsToldByTheRetentionProgramNotByAnotherProgramsRow() {
        NoContact n = none(plan(AT, recipient(customer("C-CHURN").churnRisk(0.05), optIn(Channel.OUTBOUND_VOICE, BOTH)),
                List.of(event("C-CHURN", "CHURN_RISK_RISEN", Map.of())), List.of()));

        assertThat(n.program()).isEqualTo("retention");
        assertThat(n.reason()).isEqualTo("RETENTION_NOT_AT_RISK");
    }

    @Test
    void anEventThatStartsNoProgramIsToldSo() {
        NoContact n = none(plan(AT, recipient(customer("C-MOVED"), optIn(Channel.SMS, BOTH)),
                List.of(event("C-MOVED", "MOVED_HOUSE", Map.of())), List.of()));

        assertThat(n.program()).isEmpty();
        assertThat(n.reason()).isEqualTo("NO_PROGRAM_FOR_EVENT");
    }

    /** The policy's Events column and the rules' Outbound table say the same: which events start which program. */
    @Test
    void theProgramsTableStartsEachProgramFromTheEventsTheRulesDo() throws IOException {
        OutboundPolicy policy = DefaultRules.outboundPolicy();
        Map<String, Set<String>> byRules = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(Path.of("pack", "outbound.drl.csv"))) {
            String[] cells = line.split(",");
            if (cells.length == 6 && cells[2].equals("true") && !cells[3].isEmpty()) {
                Set<String> events = new java.util.TreeSet<>(List.of(cells[3]));
                if (!cells[4].isEmpty()) {
                    events.add(cells[4]);
                }
                byRules.put(cells[5].replace("program ", ""), events);
            }
        }
        Map<String, Set<String>> byPolicy = new java.util.TreeMap<>();
        for (String program : policy.programs()) {
            for (String event : List.of("USAGE_NEAR_ALLOWANCE", "USAGE_OVER_ALLOWANCE", "OUTAGE", "BALANCE_DUE",
                    "BALANCE_OVERDUE", "LOAN_STATUS_CHANGED", "SPENDING_LIMIT_NEAR", "SPENDING_LIMIT_EXCEEDED",
                    "SUSPICIOUS_ACTIVITY", "RATE_CHANGE", "NEW_CUSTOMER", "CHURN_RISK_RISEN")) {
                if (policy.programsStartedBy(event).contains(program)) {
                    byPolicy.computeIfAbsent(program, p -> new java.util.TreeSet<>()).add(event);
                }
            }
        }

        assertThat(byRules).hasSize(9);
        assertThat(byPolicy).isEqualTo(byRules);
    }

    @Test
    void theDailyCapacityGoesToTheHigherPriorityWhateverTheOrderOfCustomersAndTheOtherCallMovesToTheNextDay() {
        OutboundPlanner small = OutboundPlanner.builder(engine)
                .policy(DefaultRules.outboundPolicy().withCapacity(Map.of(Channel.OUTBOUND_VOICE, 1))).build();
        Recipient retained = recipient(customer("A-RETAIN").churnRisk(0.85), optIn(Channel.OUTBOUND_VOICE, BOTH));
        Recipient fraud = recipient(customer("Z-FRAUD"), optIn(Channel.OUTBOUND_VOICE, BOTH));
        PlanCollector plan = new PlanCollector();
        try (OutboundPlanner.Run run = small.start(AT, plan)) {
            run.plan(retained, List.of(event("A-RETAIN", "CHURN_RISK_RISEN", Map.of())), List.of());
            run.plan(fraud, List.of(event("Z-FRAUD", "SUSPICIOUS_ACTIVITY", Map.of())), List.of());
        }

        assertThat(plan.notPlanned()).isEmpty();
        assertThat(plan.planned()).extracting(PlannedContact::program).containsExactly("fraud-alert", "retention");
        assertThat(plan.planned().get(0).utcTime()).isEqualTo(AT);
        PlannedContact moved = plan.planned().get(1);
        assertThat(moved.localTime()).isEqualTo(LocalDateTime.parse("2026-11-24T08:00"));
        assertThat(moved.reasons()).contains("MOVED_FOR_CAPACITY");
    }

    @Test
    void aCallWithNoDayOfRoomLeftWithinTheDaysItMayMoveIsNotPlannedAndSaysWhichDaysWereFull(@TempDir Path dir)
            throws IOException {
        OutboundPlanner small = oneCallADay(dir, 1);
        PlanCollector plan = new PlanCollector();
        try (OutboundPlanner.Run run = small.start(AT, plan)) {
            for (String id : List.of("A", "B", "C")) {
                run.plan(recipient(customer(id), optIn(Channel.OUTBOUND_VOICE, BOTH)),
                        List.of(event(id, "SUSPICIOUS_ACTIVITY", Map.of())), List.of());
            }
        }

        assertThat(plan.planned()).extracting(PlannedContact::customerId).containsExactly("A", "B");
        assertThat(plan.planned().get(1).localTime()).isEqualTo(LocalDateTime.parse("2026-11-24T08:00"));
        assertThat(none(new PlanCollector(List.of(), plan.notPlanned()))).satisfies(n -> {
            assertThat(n.customerId()).isEqualTo("C");
            assertThat(n.reason()).isEqualTo("CAPACITY_FULL");
            assertThat(n.details()).containsExactly("OUTBOUND_VOICE: CAPACITY_FULL on 2026-11-23, 2026-11-24");
        });
    }

    /** A planner whose center in Chicago makes one call a day, and moves a call up to {@code moveDays} on. */
    static OutboundPlanner oneCallADay(Path dir, int moveDays) throws IOException {
        Path capacity = dir.resolve("capacity.csv");
        Files.writeString(capacity, "Channel,Per day,Time zone,Move up to days\nOUTBOUND_VOICE,1,America/Chicago,"
                + moveDays + "\n");
        return OutboundPlanner.builder(engine).policy(DefaultRules.outboundPolicy().withCapacity(capacity)).build();
    }

    /** The center counts its own day: at 19:00 in Chicago on Monday it is already Tuesday in UTC, not in Chicago. */
    @Test
    void theCapacityCountsTheCentersDayNotUtcs(@TempDir Path dir) throws IOException {
        Instant evening = Instant.parse("2026-11-24T01:00:00Z"); // Monday 19:00 in Chicago
        OutboundPlanner small = oneCallADay(dir, 0);
        PlanCollector plan = new PlanCollector();
        try (OutboundPlanner.Run run = small.start(evening, plan)) {
            run.plan(recipient(customer("B"), optIn(Channel.OUTBOUND_VOICE, BOTH)),
                    List.of(event("B", "SUSPICIOUS_ACTIVITY", Map.of())), List.of());
            run.plan(recipient(customer("C"), optIn(Channel.OUTBOUND_VOICE, BOTH)),
                    List.of(event("C", "OUTAGE", Map.of())), List.of());
        }

        assertThat(only(plan).customerId()).isEqualTo("B");
        assertThat(plan.notPlanned()).singleElement().satisfies(n -> {
            assertThat(n.customerId()).isEqualTo("C");
            assertThat(n.details()).containsExactly("OUTBOUND_VOICE: CAPACITY_FULL on 2026-11-23");
        });
    }

    @Test
    void aCriticalCareCustomerIsToldOfAnOutageBeforeOthers() {
        OutboundPlanner small = OutboundPlanner.builder(engine)
                .policy(DefaultRules.outboundPolicy().withCapacity(Map.of(Channel.OUTBOUND_VOICE, 1))).build();
        Recipient ordinary = recipient(customer("A-ORDINARY"), optIn(Channel.OUTBOUND_VOICE, BOTH));
        Recipient critical = new Recipient(customer("Z-CRITICAL").build(), List.of(optIn(Channel.OUTBOUND_VOICE, BOTH)),
                null, null, true);
        PlanCollector plan = new PlanCollector();
        try (OutboundPlanner.Run run = small.start(AT, plan)) {
            run.plan(ordinary, List.of(event("A-ORDINARY", "OUTAGE", Map.of())), List.of());
            run.plan(critical, List.of(event("Z-CRITICAL", "OUTAGE", Map.of())), List.of());
        }

        assertThat(plan.planned()).extracting(PlannedContact::customerId).containsExactly("Z-CRITICAL", "A-ORDINARY");
        assertThat(plan.planned().get(0).utcTime()).isEqualTo(AT);
        assertThat(plan.planned().get(1).reasons()).contains("MOVED_FOR_CAPACITY");
    }

    @Test
    void aBadCellOfAPolicyTableIsNamedWithItsFileCellAndColumn(@TempDir Path dir) throws IOException {
        for (String name : List.of("programs.csv", "caps.csv", "suppressions.csv", "compliance.csv",
                "calling-hours.csv")) {
            Files.copy(Path.of("outbound", name), dir.resolve(name));
        }
        Files.writeString(dir.resolve("caps.csv"), Files.readString(dir.resolve("caps.csv"))
                .replace("Three contacts a week,CAP_THREE_A_WEEK,all,7,3", "Three contacts a week,CAP_THREE_A_WEEK,al,7,three"));
        Files.writeString(dir.resolve("calling-hours.csv"), Files.readString(dir.resolve("calling-hours.csv"))
                .replace("TX,SUN,12:00,21:00", "TX,SUN,12:00,22:00"));

        assertThatThrownBy(() -> OutboundPolicy.read(dir)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("caps.csv, cell C3 (column \"Applies to\"): 'al' is not 'all'")
                .hasMessageContaining("caps.csv, cell E3 (column \"At most\"): 'three' is not a whole number of at least 0")
                .hasMessageContaining("calling-hours.csv, cell D2 (column \"To\"): a regional window may only narrow the "
                        + "calling hours 08:00 to 21:00");
    }

    @Test
    void aPlannerRefusesAPolicyThatDoesNotKnowAProgramTheRulesMayContact(@TempDir Path dir) throws IOException {
        for (String name : List.of("caps.csv", "suppressions.csv", "compliance.csv", "calling-hours.csv")) {
            Files.copy(Path.of("outbound", name), dir.resolve(name));
        }
        Files.writeString(dir.resolve("programs.csv"), "Program,Kind,Priority,Collection,Actions\noutage,SERVICE,90,no,\n");
        OutboundPolicy partial = OutboundPolicy.read(dir);

        assertThatThrownBy(() -> OutboundPlanner.builder(engine).policy(partial).build())
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("programs.csv: has no row for program 'collections'");
    }
}
