package io.nextbest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Channel;
import io.nextbest.ContactOutcome;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.NextBest;
import io.nextbest.OfferKind;
import io.nextbest.QueueType;
import io.nextbest.Sentiment;
import io.nextbest.examples.Demo.Call;
import io.nextbest.examples.DemoShift.Caller;
import io.nextbest.rules.DefaultRules;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoCommandTest {
    static Run run;
    static Demo demo;
    static DecisionEngine engine;

    @BeforeAll
    static void runTheDemo() {
        run = Run.nextbest("demo", "--seed", "1");
        DemoCommand command = run.subcommand("demo");
        demo = command.demo();
        engine = NextBest.engine().rules(DefaultRules.pack()).build();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aShiftHasAtLeastFortyCallersEachPrinted() {
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(demo.calls()).hasSizeGreaterThanOrEqualTo(40);
        for (Call call : demo.calls()) {
            assertThat(run.out()).containsPattern("(?m)^\\s*" + call.caller().number() + "  \\S");
        }
        assertThat(run.err()).isEmpty();
    }

    @Test
    void onlyAMinorityOfCallersIsMadeAnOffer() {
        for (long seed = 1; seed <= 10; seed++) {
            Demo shift = Demo.run(engine, seed);
            assertThat(shift.offers())
                    .as("callers with an offer in the shift of seed %d, of %d", seed, shift.calls().size())
                    .isPositive();
            assertThat(2 * shift.offers())
                    .as("twice the callers with an offer in the shift of seed %d, against %d callers", seed,
                            shift.calls().size())
                    .isLessThan(shift.calls().size());
        }
    }

    @Test
    void everyCallerWithoutAnOfferIsToldWhy() {
        List<String> noOfferLines = run.outLines().stream().filter(l -> l.contains("no offer")).toList();
        assertThat(noOfferLines).hasSize((int) (demo.calls().size() - demo.offers()));
        assertThat(noOfferLines).allSatisfy(l -> assertThat(l).matches("\\s+no offer: \\S.*"));
        for (long seed = 1; seed <= 10; seed++) {
            for (Call call : Demo.run(engine, seed).calls()) {
                Decision d = call.decision();
                if (!d.isOffer()) {
                    assertThat(d.reasons()).as("reasons for caller %d", call.caller().number()).isNotEmpty();
                    assertThat(d.reason().text()).isNotBlank();
                    assertThat(d.reason().code()).matches("[A-Z][A-Z0-9_]*");
                }
            }
        }
    }

    @Test
    void complaintNegativeVulnerableAndServiceQueueCallersAreNeverOfferedASale() {
        Predicate<DecisionRequest> noSalesPromised = r -> r.interaction().intent() == Intent.COMPLAINT
                || r.interaction().sentiment() == Sentiment.NEGATIVE
                || r.customer().vulnerable()
                || r.interaction().queue() == QueueType.SERVICE;
        int checked = 0;
        for (long seed = 1; seed <= 10; seed++) {
            for (Call call : Demo.run(engine, seed).calls()) {
                if (noSalesPromised.test(call.request())) {
                    checked++;
                    assertThat(call.decision().offers()).as("caller %d of seed %d", call.caller().number(), seed)
                            .noneMatch(o -> o.kind() == OfferKind.SALES);
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
        assertThat(demo.promises()).allMatch(Demo.Promise::kept);
        assertThat(run.out()).contains("-> promise kept");
    }

    @Test
    void theSummaryCountsOffersByProgramAndNoOfferReasons() {
        assertThat(demo.offersByProgram().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(demo.offers());
        assertThat(demo.noOfferReasons().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(demo.calls().size() - demo.offers());
        demo.offersByProgram().forEach((program, n) -> assertThat(run.out()).containsPattern(n + "  " + program));
        // The summary counts decisions by the code of their deciding reason, and says how each reads.
        Map<String, Integer> byCode = new HashMap<>();
        for (Call call : demo.calls()) {
            if (!call.decision().isOffer()) {
                byCode.merge(call.decision().reasons().get(0).code(), 1, Integer::sum);
            }
        }
        assertThat(demo.noOfferReasons()).isEqualTo(byCode);
        demo.noOfferReasons().forEach((code, n) -> assertThat(run.out())
                .containsPattern(n + "  " + code + " +" + java.util.regex.Pattern.quote(demo.reasonLabels().get(code))));
    }

    @Test
    void theSameSeedGivesTheSameShiftAndAnotherSeedAnother() {
        assertThat(DemoShift.callers(7)).isEqualTo(DemoShift.callers(7));
        assertThat(DemoShift.callers(7)).isNotEqualTo(DemoShift.callers(8));
        assertThat(Run.nextbest("demo", "--seed", "1").out()).isEqualTo(run.out());
    }

    @Test
    void aShiftMixesEveryKindOfInboundCaller() {
        Map<String, Predicate<DecisionRequest>> kinds = new LinkedHashMap<>();
        kinds.put("a complaint", r -> r.interaction().intent() == Intent.COMPLAINT);
        kinds.put("a billing question", r -> r.interaction().intent() == Intent.BILLING);
        kinds.put("a payment", r -> r.interaction().intent() == Intent.PAYMENT);
        kinds.put("technical support", r -> r.interaction().intent() == Intent.TECHNICAL_SUPPORT);
        kinds.put("a cancellation", r -> r.interaction().intent() == Intent.CANCELLATION);
        kinds.put("an upgrade request", r -> r.interaction().intent() == Intent.UPGRADE);
        kinds.put("a voice call", r -> r.interaction().channel() == Channel.INBOUND_VOICE);
        kinds.put("a chat", r -> r.interaction().channel() == Channel.CHAT);
        kinds.put("an IVR session", r -> r.interaction().channel() == Channel.IVR);
        kinds.put("a sales queue", r -> r.interaction().queue() == QueueType.SALES);
        kinds.put("a service queue", r -> r.interaction().queue() == QueueType.SERVICE);
        kinds.put("negative sentiment", r -> r.interaction().sentiment() == Sentiment.NEGATIVE);
        kinds.put("a long call", r -> r.interaction().handleTimeSeconds() > r.interaction().targetHandleTimeSeconds());
        kinds.put("a new customer", r -> r.customer().tenureMonths() <= 3);
        kinds.put("a customer at risk", r -> r.customer().churnRisk() >= 0.5);
        kinds.put("a vulnerable customer", r -> r.customer().vulnerable());
        kinds.put("a customer with fiber 1G", r -> r.customer().holds("FIBER_1G"));
        kinds.put("a recent decline", r -> r.contacts().stream().anyMatch(c -> c.outcome() == ContactOutcome.DECLINED));
        for (long seed = 1; seed <= 20; seed++) {
            List<DecisionRequest> shift = DemoShift.callers(seed).stream().map(Caller::request).toList();
            for (Map.Entry<String, Predicate<DecisionRequest>> kind : kinds.entrySet()) {
                assertThat(shift).as("%s in the shift of seed %d", kind.getKey(), seed).anyMatch(kind.getValue());
            }
            assertThat(shift).allMatch(r -> r.interaction().channel().isInbound() && r.interaction().time() != null);
        }
    }

    @Test
    void aRulesFolderReplacesTheDefaultPack() {
        Run tiny = Run.nextbest("demo", "--rules", "src/test/resources/packs/tiny");
        assertThat(tiny.exitCode()).as(tiny.err()).isZero();
        assertThat(tiny.out()).contains("OFFER TINY-").doesNotContain("RET-LOYALTY-DISCOUNT");
    }

    @Test
    void aBrokenRulesFolderListsItsProblemsWithoutAStackTrace() {
        Run broken = Run.nextbest("demo", "--rules", "src/test/resources/packs/broken");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).isEmpty();
        assertThat(broken.err()).contains("policies.drl").contains("NO-SUCH-OFFER").doesNotContain("\tat ");

        Run missing = Run.nextbest("demo", "--rules", "no/such/folder");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.errLines()).hasSize(1);
        assertThat(missing.err()).contains("no/such/folder");
    }

    @Test
    void aBadSeedIsAUsageError() {
        Run bad = Run.nextbest("demo", "--seed", "many");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--seed");

        Run backwards = Run.nextbest("demo", "--seed", "10..1");
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.err()).contains("--seed").contains("'10..1' ends before it starts");
    }

    @Test
    void aRangeOfSeedsRunsAShiftForEachAndSumsThemUpTogether() {
        Run range = Run.nextbest("demo", "--seed", "1..3");
        assertThat(range.exitCode()).as(range.err()).isZero();
        Demo shifts = range.<DemoCommand>subcommand("demo").demo();
        for (long seed = 1; seed <= 3; seed++) {
            assertThat(range.out()).contains("inbound callers on 2026-11-23 (seed " + seed + ")");
        }
        // The first shift prints as it does alone; the summary counts the callers of the three.
        assertThat(range.out()).startsWith(run.out().substring(0, run.out().indexOf("\n\n51 callers")));
        assertThat(shifts.calls()).hasSize(3 * demo.calls().size());
        assertThat(range.out()).contains(shifts.calls().size() + " callers in 3 shifts (seeds 1 to 3): " + shifts.offers()
                + " with an offer");
    }

    @Test
    void aCallerLineSaysWhenTheCustomerHasNotConsentedToOffersOnTheChannel() {
        int withoutConsent = 0;
        for (Call call : Demo.run(engine, 1, 10).calls()) {
            boolean consents = call.request().customer().consentsTo(call.request().interaction().channel());
            assertThat(Demo.why(call.request()).contains(" without consent to offers")).isEqualTo(!consents);
            if (!consents) {
                withoutConsent++;
                // Consent is a policy for the whole interaction: it is the headline of the no-offer.
                assertThat(call.decision().reason().code()).as("seed %d, caller %d", call.seed(),
                        call.caller().number()).isEqualTo("NO_CONSENT");
            }
        }
        assertThat(withoutConsent).isGreaterThan(50);
        assertThat(run.out()).contains(" without consent to offers, ");
    }

    @Test
    void theSummarySaysWhatBecameOfTheCustomersWhoMayLeave() {
        Demo.Leaving leaving = demo.leaving();
        assertThat(leaving.calls()).isEqualTo((int) demo.calls().stream().filter(Call::mayLeave).count()).isPositive();
        assertThat(leaving.retention() + leaving.other() + leaving.noOffer().values().stream().mapToInt(Integer::intValue)
                .sum()).isEqualTo(leaving.calls());
        assertThat(run.out()).contains("Customers who may leave (calling to cancel, or churn risk 0.70 or more): "
                + leaving.calls() + ": " + leaving.retention() + " offered retention");
    }
}
