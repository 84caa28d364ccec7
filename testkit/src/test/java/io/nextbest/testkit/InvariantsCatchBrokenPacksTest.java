package io.nextbest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.DecisionEngine;
import io.nextbest.NextBest;
import io.nextbest.rules.DefaultRules;
import io.nextbest.scenarios.ScenarioRunner;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invariant can fail: for each, a copy of the default pack broken in one place (or, for the
 * invariant that guards the engine rather than the rules, a broken engine) makes its property fail when
 * jqwik runs it, and the failure shows a shrunk request, the rule or table row at fault and a scenario
 * that fails on the broken rules and passes on the default pack.
 *
 * <table>
 *   <caption>The broken packs in {@code src/test/resources/broken-packs}</caption>
 *   <tr><th>pack</th><th>what is broken</th><th>the invariant that catches it</th></tr>
 *   <tr><td>no-consent-rule</td><td>applicability.drl lost "No consent to offers on this channel"</td>
 *       <td>no offer without consent, nor to Do-Not-Call</td></tr>
 *   <tr><td>do-not-call-for-campaigns-only</td><td>the Do-Not-Call rule also asks for a campaign</td>
 *       <td>no offer without consent, nor to Do-Not-Call</td></tr>
 *   <tr><td>calling-hours-off-by-one</td><td>{@code localHour > 21} instead of {@code >= 21}</td>
 *       <td>no outbound offer outside calling hours</td></tr>
 *   <tr><td>complaint-row-dropped</td><td>suitability.drl.csv lost "A complaint call gets no sales offer"</td>
 *       <td>no sales offer when service comes first</td></tr>
 *   <tr><td>held-product-rule-dropped</td><td>suitability.drl lost "The customer already holds the product"</td>
 *       <td>no product already held</td></tr>
 *   <tr><td>cool-down-on-voice-only</td><td>the cool-down rule only on inbound voice</td>
 *       <td>no repeat within the cool-down</td></tr>
 *   <tr><td>random-holdout</td><td>a holdout drawn with Math.random()</td><td>same request, same decision</td></tr>
 *   <tr><td>any-flag-means-specialist</td><td>a rule that looks for any attribute set to true</td>
 *       <td>unread attributes change nothing</td></tr>
 *   <tr><td>unnamed-table-row</td><td>eligibility.drl.csv row 15 lost its name</td>
 *       <td>every no-offer says why</td></tr>
 *   <tr><td>(default pack)</td><td>{@link MisplacedSources}: an engine whose sources point 500 rows past the rule</td>
 *       <td>every explanation names a row of the pack</td></tr>
 *   <tr><td>(default pack)</td><td>{@link LeverCap}: an engine that drops the loyalty discount when its lever
 *       reaches 2 (rules cannot read scores)</td><td>raising the winner keeps it winning</td></tr>
 *   <tr><td>(default pack)</td><td>{@link ForgetfulArbitration}: an engine that ignores maxOffers</td>
 *       <td>at most the configured number of offers</td></tr>
 *   <tr><td>{@value BrokenPacks#CANCELLATION_WELCOMES}</td><td>the default pack's cancellation row no longer
 *       leaves out the welcome program</td><td>the README's invariant of one's own, with and without the
 *       expectation it demands</td></tr>
 * </table>
 *
 * <p>Where a scenario file can state the invariant, the report's scenario fails on the broken rules and
 * passes on the default pack; where it cannot, the report prints none and says why.
 */
class InvariantsCatchBrokenPacksTest {
    private static DecisionEngine defaults;

    @BeforeAll
    static void buildTheDefaultEngine() {
        defaults = NextBest.engine().rules(DefaultRules.pack()).build();
    }

    @AfterAll
    static void closeTheDefaultEngine() {
        defaults.close();
    }

    /**
     * One broken rule set and what its failure must show.
     *
     * @param property  the property in {@link BrokenPackRuns}
     * @param pack      the broken pack
     * @param invariant words of the broken invariant's name
     * @param shows     what the report must show: the problem, and the rule or row at fault where there is one
     * @param engine    the broken engine the scenario is replayed on
     * @param replays   whether the scenario states the invariant, so that it fails on the broken engine
     */
    record Case(String property, String pack, String invariant, List<String> shows, Supplier<DecisionEngine> engine,
                boolean replays) {
        @Override
        public String toString() {
            return pack + " breaks '" + invariant + "'";
        }
    }

    static Stream<Case> brokenPacks() {
        return Stream.of(
                broken("noConsentRule", "no-consent-rule", "without the customer's consent", true,
                        "a channel the customer has not consented to"),
                broken("doNotCallForCampaignsOnly", "do-not-call-for-campaigns-only", "Do-Not-Call customer", true,
                        "outbound call to a customer on a Do-Not-Call list", "\"doNotCall\" : true"),
                broken("callingHoursOffByOne", "calling-hours-off-by-one", "outside 8:00 to 21:00", true,
                        "outside calling hours", "at 21:"),
                broken("complaintRowDropped", "complaint-row-dropped", "no sales offer on a complaint", true,
                        "was made although the customer called to complain", "\"intent\" : \"COMPLAINT\""),
                broken("heldProductRuleDropped", "held-product-rule-dropped", "already holds", true,
                        "which the customer holds"),
                broken("coolDownOnVoiceOnly", "cool-down-on-voice-only", "within its cool-down", true,
                        "within its cool-down of", "\"outcome\" : \"DECLINED\""),
                broken("randomHoldout", "random-holdout", "same decision", false,
                        "different decisions",
                        "Holdout: one caller in two gets no offer [HOLDOUT_ONE_CALLER_IN_TWO_GETS_NO_OFFER] (holdout.drl line 7)"),
                broken("anyFlagMeansSpecialist", "any-flag-means-specialist", "no rule reads", true,
                        "which no rule names, changed the decision",
                        "A customer flagged for a specialist gets no offer [A_CUSTOMER_FLAGGED_FOR_A_SPECIALIST_GETS_NO_"
                                + "OFFER] (specialists.drl line 7)"),
                new Case("leverCapDropsTheOffer", "(default pack)", "lever or value",
                        List.of("with the lever of RET-LOYALTY-DISCOUNT raised 2.0 times, RET-LOYALTY-DISCOUNT lost",
                                "RET-LOYALTY-DISCOUNT was left out by '" + LeverCap.RULE + "' (caps (engine))"),
                        () -> new LeverCap(NextBest.engine().rules(DefaultRules.pack()).build()), false),
                broken("unnamedTableRow", "unnamed-table-row", "says why", false,
                        "'Eligibility_15' (eligibility.drl.csv row 15) left out SVC-AUTOPAY"),
                new Case("sourcesPointPastTheirRows", "(default pack)", "names a rule or table row",
                        List.of("is a blank or missing row"),
                        () -> new MisplacedSources(NextBest.engine().rules(DefaultRules.pack()).build()), false),
                new Case("arbitrationForgetsMaxOffers", "(default pack)", "at most 1 offer",
                        List.of("offers were made", "where the engine allows 1"),
                        () -> new ForgetfulArbitration(NextBest.engine().rules(DefaultRules.pack()).build()), true),
                broken("cancellationWelcomes", BrokenPacks.CANCELLATION_WELCOMES, "not welcomed", true,
                        "was offered on a cancellation call", "\"notProgram\" : \"welcome\""),
                broken("cancellationWelcomesUnstated", BrokenPacks.CANCELLATION_WELCOMES, "not welcomed", true,
                        "was offered on a cancellation call", "\"notOffer\" : \"WEL-",
                        "the scenario expects this one not to be made again"));
    }

    private static Case broken(String property, String pack, String invariant, boolean replays, String... shows) {
        return new Case(property, pack, invariant, List.of(shows),
                () -> NextBest.engine().rules(BrokenPacks.pack(pack)).build(), replays);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenPacks")
    void theInvariantCatchesTheBrokenPackWithAShrunkRequestTheRuleAtFaultAndAScenario(Case c) {
        JqwikRun.Outcome run = JqwikRun.property(BrokenPackRuns.class, c.property());

        assertThat(run.failure()).as("the property on %s", c.pack()).isPresent();
        assertThat(run.failure().get()).isInstanceOf(InvariantViolation.class);
        InvariantViolation failure = (InvariantViolation) run.failure().get();
        assertThat(failure.violations()).hasSize(1);
        Violation v = failure.violations().get(0);

        assertThat(v.invariant()).contains(c.invariant());
        // The message is one line that names the invariant and the problem; the report is the cause, so
        // that jqwik and Surefire, which print the message up to four times, print the report once.
        assertThat(failure.getMessage()).startsWith("1 invariant broken for customer " + v.request().customer().id()
                + ": " + v.invariant()).doesNotContain("Request:").hasLineCount(1);
        assertThat(failure.getCause()).isInstanceOf(InvariantViolation.Report.class);
        assertThat(failure.getCause().getStackTrace()).isEmpty();
        String report = failure.report();
        assertThat(report)
                .startsWith("Invariant broken: " + v.invariant())
                .contains("Rules that fired, by stage")
                .contains("Request:\n{\n  \"customer\" : {");
        assertThat(report.split("Invariant broken: ", -1)).as("reports in the cause").hasSize(2);
        for (String shown : c.shows()) {
            assertThat(report).contains(shown);
        }
        // Shrunk: the simplest customer, and no history but what the failure needs. A rule that draws at
        // random fails only now and then, so shrinking may stop short of the simplest request.
        if (!c.pack().equals("random-holdout")) {
            assertThat(v.request().customer().id()).isEqualTo("C-1");
            assertThat(v.request().purchases()).hasSizeLessThanOrEqualTo(1);
            assertThat(v.request().contacts()).hasSizeLessThanOrEqualTo(1);
        }

        if (!c.replays()) {
            assertThat(v.hasScenario()).isFalse();
            assertThat(report).contains("No scenario to paste. A scenario file cannot state this invariant")
                    .doesNotContain("\"scenarios\" : [");
            return;
        }
        assertThat(report).contains("Scenario to keep with the pack's").contains("It fails on these rules")
                .contains("\"scenarios\" : [ {");
        byte[] scenario = v.scenario().orElseThrow().getBytes(StandardCharsets.UTF_8);
        ScenarioRunner.Report onDefaults = new ScenarioRunner(defaults).run("found.json", scenario);
        assertThat(onDefaults.problems()).isEmpty();
        assertThat(onDefaults.results()).hasSize(1);
        assertThat(onDefaults.allPassed()).as("the scenario on the default pack: %s", onDefaults.results()).isTrue();
        try (DecisionEngine broken = c.engine().get()) {
            assertThat(new ScenarioRunner(broken).run("found.json", scenario).allPassed())
                    .as("the scenario on %s", c.pack()).isFalse();
        }
    }
}
