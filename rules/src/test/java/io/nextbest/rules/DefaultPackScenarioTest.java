package io.nextbest.rules;

import static io.nextbest.rules.Callers.caller;
import static io.nextbest.rules.Callers.salesReadyCaller;
import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.BillingStatus;
import io.nextbest.Channel;
import io.nextbest.ContactOutcome;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionType;
import io.nextbest.Intent;
import io.nextbest.LeftOut;
import io.nextbest.NextBest;
import io.nextbest.OfferKind;
import io.nextbest.QueueType;
import io.nextbest.RankedOffer;
import io.nextbest.Sentiment;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One scenario for each program and each suppression of the default pack, read as the domain says it. */
class DefaultPackScenarioTest {
    static DecisionEngine engine;

    @BeforeAll
    static void build() {
        engine = NextBest.engine().rules(DefaultRules.pack()).build();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static Decision decide(Callers caller) {
        return engine.decide(caller.request());
    }

    static RankedOffer offer(Decision d) {
        assertThat(d.type()).as("decision %s", d).isEqualTo(DecisionType.OFFER);
        return d.offer().orElseThrow();
    }

    static void assertNoSalesOffer(Decision d) {
        assertThat(d.offers()).noneMatch(o -> o.kind() == OfferKind.SALES);
    }

    static void assertLeftOutBy(Decision d, String offerId, String stage, String rule) {
        LeftOut l = d.leftOut(offerId).orElseThrow(() -> new AssertionError(offerId + " was not left out: " + d));
        assertThat(l.stage().label()).isEqualTo(stage);
        assertThat(l.rule()).isEqualTo(rule);
        assertThat(l.source()).matches(stage + "\\.drl(\\.csv)? (row|line) \\d+");
    }

    @Test
    void theSalesReadyCallerIsOfferedASalesOfferSoTheSuppressionsBelowHaveSomethingToSuppress() {
        RankedOffer o = offer(decide(salesReadyCaller()));
        assertThat(o.kind()).isEqualTo(OfferKind.SALES);
        assertThat(o.offerId()).isEqualTo("XS-HOME-INTERNET");
    }

    @Nested
    class Programs {
        @Test
        void anAtRiskCustomerCallingToCancelIsOfferedRetention() {
            Decision d = decide(caller().intent(Intent.CANCELLATION).customer(c -> c.churnRisk(0.82)));
            assertThat(offer(d).program()).isEqualTo("retention");
            assertThat(offer(d).score().propensity()).isEqualTo(0.3);
        }

        @Test
        void aHighValueAtRiskCustomerGetsTheRetentionLever() {
            Decision d = decide(caller().customer(c -> c.churnRisk(0.75).lifetimeValue(9000)));
            assertThat(offer(d).program()).isEqualTo("retention");
            assertThat(offer(d).score().lever()).isEqualTo(1.5);
        }

        @Test
        void aCustomerInTheirFirstMonthIsWelcomed() {
            Decision d = decide(caller().queue(QueueType.SERVICE).intent(Intent.BILLING)
                    .customer(c -> c.tenureMonths(1)));
            assertThat(offer(d).program()).isEqualTo("welcome");
        }

        @Test
        void aCustomerPastTheirAllowanceIsOfferedAPlanChange() {
            Decision d = decide(caller().customer(c -> c.attribute("usagePercent", 97)));
            assertThat(offer(d).program()).isEqualTo("plan-change");
        }

        @Test
        void aCustomerAskingForANewServiceIsOfferedACrossSell() {
            Decision d = decide(caller().intent(Intent.NEW_SERVICE));
            assertThat(offer(d).program()).isEqualTo("cross-sell");
            assertThat(offer(d).score().contextWeight()).isEqualTo(2.5);
        }

        @Test
        void aFiberCustomerAskingToUpgradeIsOfferedTheGigabitUpsell() {
            Decision d = decide(caller().intent(Intent.UPGRADE)
                    .customer(c -> c.products("MOBILE_PLAN", "FIBER_500", "TV_BASIC"))
                    .bought("FIBER_500", "INTERNET", 60, 200));
            assertThat(offer(d).program()).isEqualTo("upsell");
            assertThat(offer(d).offerId()).isEqualTo("UP-FIBER-1G");
        }

        @Test
        void aLatePayerPayingTheirBillIsOfferedAutopay() {
            Decision d = decide(caller().queue(QueueType.SERVICE).intent(Intent.PAYMENT)
                    .customer(c -> c.billingStatus(BillingStatus.LATE)));
            assertThat(offer(d).offerId()).isEqualTo("SVC-AUTOPAY");
            assertThat(offer(d).kind()).isEqualTo(OfferKind.SERVICE);
        }

        @Test
        void aCustomerWhoBoughtAPhoneLastWeekIsOfferedDeviceProtectionOnASalesLine() {
            Decision d = decide(caller().bought("PHONE_X", "DEVICE", 799, 6));
            assertThat(offer(d).offerId()).isEqualTo("SVC-DEVICE-PROTECTION");
            assertThat(offer(d).program()).isEqualTo("proactive-service");
        }

        @Test
        void deviceProtectionIsAPaidAddOnSoAServiceLineDoesNotSellIt() {
            Decision d = decide(caller().queue(QueueType.SERVICE).bought("PHONE_X", "DEVICE", 799, 6));
            assertLeftOutBy(d, "SVC-DEVICE-PROTECTION", "applicability", "A service queue gets no sales offers");
        }

        @Test
        void aCollectionsAccountCallingAboutTheBillIsOfferedAPaymentPlanAndNoSales() {
            Decision d = decide(caller().intent(Intent.BILLING)
                    .customer(c -> c.billingStatus(BillingStatus.COLLECTIONS)));
            assertThat(offer(d).offerId()).isEqualTo("SVC-PAYMENT-PLAN");
            assertLeftOutBy(d, "XS-HOME-INTERNET", "eligibility", "No sales to accounts in collections");
        }

        @Test
        void aContentCustomerWithAPlainQuestionOnAServiceLineGetsNoOfferAndAReason() {
            Decision d = decide(caller().queue(QueueType.SERVICE));
            assertThat(d.type()).as("%s", d.offers()).isEqualTo(DecisionType.NO_OFFER);
            assertThat(d.reasons()).isNotEmpty();
            assertThat(d.leftOut()).hasSize(engine.catalog().size());
        }
    }

    @Nested
    class Suppressions {
        @Test
        void aComplaintCallerIsNeverOfferedASale() {
            Decision d = decide(salesReadyCaller().intent(Intent.COMPLAINT));
            assertNoSalesOffer(d);
            assertLeftOutBy(d, "XS-HOME-INTERNET", "suitability", "A complaint call gets no sales offer");
        }

        @Test
        void anUnresolvedIssueGetsNoSalesOrInformation() {
            Decision d = decide(salesReadyCaller().unresolved());
            assertThat(d.offers()).allMatch(o -> o.kind() == OfferKind.SERVICE);
            assertLeftOutBy(d, "XS-HOME-INTERNET", "suitability",
                    "Fix the issue first: no sales or information until it is resolved");
        }

        @Test
        void anUnresolvedIssueDoesNotStopTheRetentionConversationWithACustomerWhoWantsToLeave() {
            Decision d = decide(caller().intent(Intent.CANCELLATION).unresolved().customer(c -> c.churnRisk(0.93)));
            assertThat(offer(d).kind()).isEqualTo(OfferKind.RETENTION);
        }

        @Test
        void negativeSentimentStopsSales() {
            Decision d = decide(salesReadyCaller().sentiment(Sentiment.NEGATIVE));
            assertNoSalesOffer(d);
            assertLeftOutBy(d, "XS-HOME-INTERNET", "suitability", "Negative sentiment: no sales");
        }

        @Test
        void aCallOverItsHandleTimeTargetGetsNoSales() {
            Decision d = decide(salesReadyCaller().handleTime(700));
            assertNoSalesOffer(d);
            assertLeftOutBy(d, "XS-HOME-INTERNET", "suitability", "Over the handle time target: no proactive offer");
        }

        @Test
        void aVulnerableCustomerIsNeverOfferedASale() {
            Decision d = decide(salesReadyCaller().customer(c -> c.vulnerable(true)));
            assertNoSalesOffer(d);
            assertLeftOutBy(d, "XS-HOME-INTERNET", "suitability",
                    "A vulnerable customer gets no sales or retention pressure");
        }

        @Test
        void aServiceQueueGetsNoSalesOffer() {
            Decision d = decide(salesReadyCaller().queue(QueueType.SERVICE));
            assertNoSalesOffer(d);
            assertLeftOutBy(d, "XS-HOME-INTERNET", "applicability", "A service queue gets no sales offers");
        }

        @Test
        void anOfferDeclinedLastWeekIsNotRepeatedWithinItsCoolDown() {
            Decision d = decide(salesReadyCaller().wasOffered("XS-HOME-INTERNET", ContactOutcome.DECLINED, 12));
            assertThat(d.offers()).noneMatch(o -> o.offerId().equals("XS-HOME-INTERNET"));
            assertLeftOutBy(d, "XS-HOME-INTERNET", "suitability", "Declined within the offer's cool-down");
        }

        @Test
        void anOfferDeclinedLongAgoMayBeMadeAgain() {
            Decision d = decide(salesReadyCaller().wasOffered("XS-HOME-INTERNET", ContactOutcome.DECLINED, 45));
            assertThat(offer(d).offerId()).isEqualTo("XS-HOME-INTERNET");
        }

        @Test
        void threeOffersInThirtyDaysIsEnough() {
            Decision d = decide(salesReadyCaller()
                    .wasOffered("SVC-PAPERLESS", ContactOutcome.IGNORED, 25)
                    .wasOffered("INFO-SELF-SERVICE", ContactOutcome.IGNORED, 18)
                    .wasOffered("SVC-USAGE-ALERTS", ContactOutcome.ACCEPTED, 10));
            assertThat(d.type()).isEqualTo(DecisionType.NO_OFFER);
            assertThat(d.reasons()).anyMatch(r -> r.code().equals("CONTACT_FATIGUE_30_DAYS"));
        }

        @Test
        void aProductAlreadyHeldIsNotOffered() {
            Decision d = decide(salesReadyCaller().customer(c -> c.products("MOBILE_PLAN", "FIBER_500")));
            assertThat(d.offers()).noneMatch(o -> o.offerId().equals("XS-HOME-INTERNET"));
            assertLeftOutBy(d, "XS-HOME-INTERNET", "suitability", "The customer already holds the product");
        }

        @Test
        void noConsentOnTheChannelMeansNoOffer() {
            Decision d = decide(salesReadyCaller().customer(c -> c.consents(Channel.EMAIL)));
            assertThat(d.type()).isEqualTo(DecisionType.NO_OFFER);
            assertLeftOutBy(d, "XS-HOME-INTERNET", "applicability", "No consent to offers on this channel");
        }

        @Test
        void aDoNotCallCustomerGetsNoOutboundCall() {
            Decision d = decide(caller().channel(Channel.OUTBOUND_VOICE).intent(Intent.CAMPAIGN)
                    .customer(c -> c.doNotCall(true).churnRisk(0.9)));
            assertThat(d.type()).isEqualTo(DecisionType.NO_OFFER);
            assertLeftOutBy(d, "RET-LOYALTY-DISCOUNT", "applicability", "Do-Not-Call: no outbound voice offers");
        }

        @Test
        void anOutboundCallAtTenAtNightLocalTimeIsNotMade() {
            Decision d = decide(caller().channel(Channel.OUTBOUND_VOICE).intent(Intent.CAMPAIGN)
                    .customer(c -> c.churnRisk(0.9))
                    .at(Instant.parse("2026-11-24T04:00:00Z")));
            assertThat(d.type()).isEqualTo(DecisionType.NO_OFFER);
            assertLeftOutBy(d, "RET-LOYALTY-DISCOUNT", "applicability",
                    "Outside calling hours (8:00 to 21:00, customer's local time)");
        }

        @Test
        void anOutboundRetentionCallInTheAfternoonIsMade() {
            Decision d = decide(caller().channel(Channel.OUTBOUND_VOICE).intent(Intent.CAMPAIGN)
                    .customer(c -> c.churnRisk(0.9)));
            assertThat(offer(d).program()).isEqualTo("retention");
        }

        @Test
        void theIvrMakesNoSalesOffer() {
            Decision d = decide(salesReadyCaller().channel(Channel.IVR));
            assertNoSalesOffer(d);
        }

        @Test
        void anOfferIsNeverMadeOnAChannelItIsNotFor() {
            Decision d = decide(salesReadyCaller().channel(Channel.IVR));
            assertLeftOutBy(d, "XS-HOME-INTERNET", "applicability", "The offer is not made on this channel");
        }
    }
}
