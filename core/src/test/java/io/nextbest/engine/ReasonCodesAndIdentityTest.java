package io.nextbest.engine;

import static io.nextbest.engine.RuleSetCompilerTest.CATALOG;
import static io.nextbest.engine.RuleSetCompilerTest.GOOD_RULE;
import static io.nextbest.engine.RuleSetCompilerTest.drl;
import static io.nextbest.engine.RuleSetCompilerTest.pack;
import static io.nextbest.engine.RuleSetCompilerTest.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.DecisionType;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.LeftOut;
import io.nextbest.NextBest;
import io.nextbest.Reason;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import io.nextbest.RuleSetInfo;
import io.nextbest.RuleSetListener;
import io.nextbest.Stage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Reason codes as rules set them, the codes no rule may take, and the rule set's identity. */
class ReasonCodesAndIdentityTest {
    static final Instant CALL_TIME = Instant.parse("2026-11-23T15:00:00Z");

    static final RuleFile CODED_TABLE = RuleFile.of("suitability.drl.csv", """
            RuleSet,io.nextbest.test.suitability
            Import,io.nextbest.facts.Situation
            ,
            RuleTable Suitability,
            NAME,METADATA,CONDITION,ACTION
            ,,$s : Situation,
            ,code($param),"intent == ""$param""\","$s.leaveOut(drools, ""$param"");"
            ,Reason code,Intent,Leave out
            No sales on a complaint,COMPLAINT_NO_SALES,COMPLAINT,kind SALES
            Nothing on a move,,MOVE,all
            """);

    static final RuleFile CODED_DRL = RuleFile.of("eligibility.drl", drl("eligibility", """
            rule "Sales only for current payers" @code(NOT_CURRENT)
            when
                $s : Situation( billingStatus != "CURRENT" )
            then
                $s.leaveOut(drools, "kind SALES");
            end
            """));

    static DecisionRequest call(Customer customer, Intent intent) {
        return DecisionRequest.builder(customer,
                Interaction.builder(Channel.CHAT, intent).id("I-1").time(CALL_TIME).build()).build();
    }

    static DecisionEngine engine(RuleFile... files) {
        return NextBest.engine().rules(pack(files)).usePrecompiled(false).build();
    }

    @Test
    void aTableRowAndADrlRuleSetTheirCodesAndARuleWithoutOneIsNamedByItsName() {
        try (DecisionEngine engine = engine(CATALOG, CODED_DRL, CODED_TABLE)) {
            LeftOut fiber = engine.decide(call(Customer.builder("C1").build(), Intent.COMPLAINT)).leftOut("FIBER")
                    .orElseThrow();
            assertThat(fiber.code()).isEqualTo("COMPLAINT_NO_SALES");
            assertThat(fiber.stage()).isEqualTo(Stage.SUITABILITY);
            assertThat(fiber.source()).isEqualTo("suitability.drl.csv row 9");
            assertThat(fiber.reason().offers()).containsExactly("FIBER");

            Decision late = engine.decide(call(Customer.builder("C2")
                    .billingStatus(io.nextbest.BillingStatus.LATE).build(), Intent.BILLING));
            assertThat(late.leftOut("FIBER").orElseThrow().code()).isEqualTo("NOT_CURRENT");

            Decision move = engine.decide(call(Customer.builder("C3").build(), Intent.MOVE));
            assertThat(move.type()).isEqualTo(DecisionType.NO_OFFER);
            assertThat(move.reason().code()).isEqualTo("NOTHING_ON_A_MOVE");
            assertThat(move.reason().offers()).containsExactlyInAnyOrder("AUTOPAY", "FIBER");
        }
    }

    @Test
    void codesAreMadeFromNamesByTheDocumentedRule() {
        assertThat(Reason.codeOf("No consent to offers on this channel")).isEqualTo("NO_CONSENT_TO_OFFERS_ON_THIS_CHANNEL");
        assertThat(Reason.codeOf("Outside calling hours (8:00 to 21:00, customer's local time)"))
                .isEqualTo("OUTSIDE_CALLING_HOURS_8_00_TO_21_00_CUSTOMER_S_LOCAL_TIME");
        assertThat(Reason.codeOf("Suitability_12")).isEqualTo("SUITABILITY_12");
        assertThat(Reason.codeOf("Prêt à résilier")).isEqualTo("PRET_A_RESILIER");
        assertThat(Reason.codeOf("3 offers in 30 days")).isEqualTo("R_3_OFFERS_IN_30_DAYS");
        assertThat(Reason.codeOf("!!!")).isEqualTo("RULE");
    }

    @Test
    void aRuleThatTakesAReservedCodeOrAMalformedOneFailsAtItsLine() {
        List<RuleProblem> reserved = problems(CATALOG, RuleFile.of("eligibility.drl", drl("eligibility",
                GOOD_RULE.replace("rule \"Sales only for current payers\"",
                        "rule \"Sales only for current payers\" @code(BELOW_MINIMUM_PRIORITY)"))));
        assertThat(reserved).extracting(RuleProblem::toString).singleElement().asString()
                .startsWith("eligibility.drl, line 5: rule 'Sales only for current payers': BELOW_MINIMUM_PRIORITY "
                        + "is reserved for the engine's own reason");

        List<RuleProblem> derived = problems(CATALOG, RuleFile.of("eligibility.drl", drl("eligibility",
                GOOD_RULE.replace("Sales only for current payers", "Offer chosen"))));
        assertThat(derived).extracting(RuleProblem::toString).singleElement().asString()
                .contains("OFFER_CHOSEN is reserved").contains("the code its name gives");

        List<RuleProblem> malformed = problems(CATALOG, RuleFile.of("eligibility.drl", drl("eligibility",
                GOOD_RULE.replace("rule \"Sales only for current payers\"",
                        "rule \"Sales only for current payers\" @code(\"not current\")"))));
        assertThat(malformed).extracting(RuleProblem::toString).singleElement().asString()
                .contains("'not current' is not a reason code");
    }

    @Test
    void aMalformedCodeOfARuleWhoseNameHasAnEscapedQuoteIsPlacedAtItsFileAndLine() {
        // Drools gives the name as Say "no" now; the file writes it Say \"no\" now.
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("eligibility.drl", drl("eligibility",
                GOOD_RULE.replace("rule \"Sales only for current payers\"",
                        "rule \"Say \\\"no\\\" now\" @code(\"kind INFORMATION\")"))));

        assertThat(problems).extracting(RuleProblem::toString).singleElement().asString()
                .startsWith("eligibility.drl, line 5: rule 'Say \"no\" now': 'kind INFORMATION' is not a reason code");
    }

    @Test
    void actionArgumentsOutsideTheirRangeFailAtTheirLineOrRow() {
        List<RuleProblem> problems = problems(CATALOG, RuleFile.of("arbitration.drl", drl("arbitration", """
                rule "Too likely"
                when
                    $s : Situation()
                then
                    $s.propensity(drools, 1.3);
                    $s.lever(drools, -0.5);
                end
                """)));
        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "arbitration.drl, line 9: propensity takes a number from 0 to 1, got 1.3",
                "arbitration.drl, line 10: lever takes a number of at least 0, got -0.5");
    }

    @Test
    void theVersionIsTheContentHashWithTheLabelAndLoadTimeBeside() {
        RuleFile properties = RuleFile.of("pack.properties", "label=Winter push, rev 3\n");
        Clock clock = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);
        RulePack pack = pack(properties, CATALOG, CODED_DRL);
        try (DecisionEngine engine = NextBest.engine().rules(pack).clock(clock).build()) {
            RuleSetInfo info = engine.ruleSet();
            assertThat(info.version()).isEqualTo(pack.contentHash()).matches("[0-9a-f]{12}");
            assertThat(info.label()).isEqualTo("Winter push, rev 3");
            assertThat(info.loadedAt()).isEqualTo(clock.instant());
            assertThat(info.precompiled()).isFalse();
            assertThat(info.rules()).isEqualTo(1);
            assertThat(info.offers()).isEqualTo(2);
            assertThat(engine.decide(call(Customer.builder("C1").build(), Intent.BILLING)).ruleSetVersion())
                    .isEqualTo(pack.contentHash());
        }
        assertThat(problems(RuleFile.of("pack.properties", "lable=typo\n"), CATALOG, CODED_DRL))
                .extracting(RuleProblem::toString)
                .containsExactly("pack.properties: 'lable' is not a key of pack.properties: the keys are label, sheets");
        assertThat(problems(RuleFile.of("pack.properties", "sheets=some\n"), CATALOG, CODED_DRL))
                .extracting(RuleProblem::toString)
                .containsExactly("pack.properties: sheets=some is not a choice: write sheets=first (read a workbook's "
                        + "first sheet, as Drools does) or sheets=all (read every sheet that has a RuleTable)");
    }

    @Test
    void theSameRequestAndRulesHaveTheSameDecisionIdInEveryEngineAndAnotherRequestAnother() {
        DecisionRequest request = call(Customer.builder("C1").build(), Intent.BILLING);
        String id;
        try (DecisionEngine engine = engine(CATALOG, CODED_DRL)) {
            id = engine.decide(request).decisionId();
            assertThat(engine.decide(call(Customer.builder("C2").build(), Intent.BILLING)).decisionId()).isNotEqualTo(id);
            assertThat(engine.decide(call(Customer.builder("C1").build(), Intent.PAYMENT)).decisionId()).isNotEqualTo(id);
        }
        try (DecisionEngine again = engine(CATALOG, CODED_DRL)) {
            assertThat(again.decide(request).decisionId()).isEqualTo(id).matches("d-[0-9a-f]{16}");
        }
        try (DecisionEngine edited = engine(CATALOG, RuleFile.of("eligibility.drl", CODED_DRL.text() + "\n"))) {
            assertThat(edited.decide(request).decisionId()).isNotEqualTo(id);
        }
    }

    @Test
    void aReloadThatFailsForAnotherReasonIsReportedAndTriedAgain() {
        AtomicBoolean clockBroken = new AtomicBoolean(false);
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                if (clockBroken.get()) {
                    throw new IllegalStateException("the clock is out of service");
                }
                return CALL_TIME;
            }
        };
        AtomicReference<RulePack> current = new AtomicReference<>(pack(CATALOG, CODED_DRL));
        List<RuleSetException> rejected = new CopyOnWriteArrayList<>();
        List<RuleSetInfo> loaded = new CopyOnWriteArrayList<>();
        RuleSetListener listener = new RuleSetListener() {
            @Override
            public void loaded(RuleSetInfo ruleSet) {
                loaded.add(ruleSet);
            }

            @Override
            public void rejected(RuleSetException problems) {
                rejected.add(problems);
            }
        };
        EngineSettings settings = new EngineSettings(clock, 1, 5.0, 10_000, false);
        try (RulesEngine engine = new RulesEngine(current::get, settings, listener)) {
            current.set(pack(CATALOG, CODED_DRL, CODED_TABLE));
            clockBroken.set(true);
            assertThat(engine.reload()).isFalse();
            assertThat(rejected).singleElement().extracting(Throwable::getMessage).asString()
                    .contains("will be tried again").contains("the clock is out of service");
            clockBroken.set(false);
            assertThat(engine.reload()).as("the same files, tried again").isTrue();
            assertThat(loaded).singleElement().extracting(RuleSetInfo::version)
                    .isEqualTo(current.get().contentHash());

            // A pack rejected for its content is not compiled (nor reported) again until it changes.
            current.set(pack(CATALOG, RuleFile.of("eligibility.drl", "rule \"broken\" when then")));
            assertThat(engine.reload()).isFalse();
            assertThat(engine.reload()).isFalse();
            assertThat(rejected).hasSize(2);
        }
    }

    @Test
    void aClosedEngineRefusesToDecideAndToReload() {
        DecisionEngine engine = engine(CATALOG, CODED_DRL);
        engine.close();
        DecisionRequest request = call(Customer.builder("C1").build(), Intent.BILLING);
        assertThatThrownBy(() -> engine.decide(request)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(engine::reload).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWatchedEngineStopsItsWatcherWhenClosed() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("nextbest-watch");
        java.nio.file.Files.writeString(folder.resolve("catalog.json"), CATALOG.text());
        java.nio.file.Files.writeString(folder.resolve("eligibility.drl"), CODED_DRL.text());
        DecisionEngine engine = NextBest.engine().rules(folder).watch(java.time.Duration.ofMillis(20)).build();
        assertThat(watcherThreads()).isPositive();
        engine.close();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (watcherThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(watcherThreads()).isZero();
    }

    private static long watcherThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("nextbest-rules-watcher") && t.isAlive()).count();
    }

    @Test
    void aDecisionCannotClaimAnOfferItDoesNotMake() {
        Reason reason = new Reason(Reason.NO_OFFER_PASSED, Stage.ARBITRATION, "No offer passed", "arbitration",
                List.of(), "no offer passed every policy");
        assertThatThrownBy(() -> new Decision("d-1", "C1", DecisionType.OFFER, List.of(), List.of(), List.of(),
                List.of(reason), "v", CALL_TIME)).hasMessageContaining("an OFFER decision needs at least one offer");
        assertThatThrownBy(() -> new Decision("d-1", "C1", DecisionType.NO_OFFER, List.of(), List.of(), List.of(),
                List.of(), "v", CALL_TIME)).hasMessageContaining("at least one reason");
    }
}
