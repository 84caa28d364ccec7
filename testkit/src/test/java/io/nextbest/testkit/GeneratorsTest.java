package io.nextbest.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Channel;
import io.nextbest.Contact;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.NextBest;
import io.nextbest.rules.DefaultRules;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import io.nextbest.Purchase;
import io.nextbest.json.JsonCodec;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The generators give valid, realistic inputs and reach the edges: every channel and intent, boundary
 * tenures, empty and very long histories, midnight in the customer's time zone and daylight-saving days.
 * Proportions are checked with jqwik's statistics, so a generator that drifts fails the build.
 */
class GeneratorsTest {
    private static final JsonCodec JSON = new JsonCodec();
    private static DecisionEngine engine;

    @BeforeContainer
    static void buildEngine() {
        engine = NextBest.engine().rules(DefaultRules.pack()).build();
    }

    @AfterContainer
    static void closeEngine() {
        engine.close();
    }

    @Provide
    Arbitrary<DecisionRequest> anyRequest() {
        return Requests.any();
    }

    @Property(tries = 1000)
    void everyRequestIsValidAndReadsBackFromItsJson(@ForAll("anyRequest") DecisionRequest request) {
        assertThat(JSON.readRequest(JSON.write(request))).isEqualTo(request);
    }

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void everyChannelAndIntentIsReachedInPlausibleProportions(@ForAll("anyRequest") DecisionRequest request) {
        Interaction i = request.interaction();
        Statistics.label("channel").collect(i.channel()).coverage(c -> {
            for (Channel channel : Channel.values()) {
                c.check(channel).percentage(p -> p >= 2);
            }
            c.check(Channel.INBOUND_VOICE).percentage(p -> p >= 30 && p <= 50);
        });
        Statistics.label("intent").collect(i.intent()).coverage(c -> {
            for (Intent intent : Intent.values()) {
                c.check(intent).percentage(p -> p >= 2);
            }
            c.check(Intent.COMPLAINT).percentage(p -> p >= 4 && p <= 12);
        });
        Statistics.label("resolved").collect(i.resolved()).coverage(c -> c.check(true).percentage(p -> p >= 70));
    }

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void boundaryTenuresAndRiskyCustomersAreReached(@ForAll("anyRequest") DecisionRequest request) {
        Customer c = request.customer();
        Statistics.label("boundary tenure").collect(List.of(0, 1, 3, 6, 12).contains(c.tenureMonths())
                ? c.tenureMonths() : -1).coverage(k -> {
                    for (int tenure : List.of(0, 1, 3, 6, 12)) {
                        k.check(tenure).percentage(p -> p > 0.3);
                    }
                });
        Statistics.label("at risk").collect(c.churnRisk() >= 0.5).coverage(k -> k.check(true)
                .percentage(p -> p >= 15 && p <= 45));
        Statistics.label("do not call").collect(c.doNotCall()).coverage(k -> k.check(true).percentage(p -> p >= 4));
        Statistics.label("vulnerable").collect(c.vulnerable()).coverage(k -> k.check(true).percentage(p -> p >= 2));
        Statistics.label("no consent to the channel").collect(!c.consentsTo(request.interaction().channel()))
                .coverage(k -> k.check(true).percentage(p -> p >= 5 && p <= 40));
    }

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void historiesAreOftenEmptyMostlyShortAndSometimesVeryLong(@ForAll("anyRequest") DecisionRequest request) {
        Statistics.label("purchases").collect(band(request.purchases().size())).coverage(k -> {
            k.check("none").percentage(p -> p >= 15 && p <= 35);
            k.check("1-5").percentage(p -> p >= 45);
            k.check("60+").percentage(p -> p > 0.3);
        });
        Statistics.label("contacts").collect(band(request.contacts().size())).coverage(k -> {
            k.check("none").percentage(p -> p >= 25 && p <= 45);
            k.check("60+").percentage(p -> p > 0.3);
        });
    }

    @Property(tries = 3000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void timesReachMidnightOddTimeZonesAndDaylightSavingDaysInTheCustomersOwnZone(
            @ForAll("anyRequest") DecisionRequest request) {
        ZoneId zone = request.customer().timeZone();
        ZonedDateTime local = request.interaction().time().atZone(zone);
        int hour = local.getHour();
        Statistics.label("local hour").collect(hour == 23 || hour == 0 ? "around midnight"
                : hour >= 8 && hour < 21 ? "business hours" : "night").coverage(k -> {
                    k.check("around midnight").percentage(p -> p >= 2);
                    k.check("business hours").percentage(p -> p >= 60);
                });
        boolean oddOffset = local.getOffset().getTotalSeconds() % 3600 != 0;
        Statistics.label("offset not in whole hours").collect(oddOffset).coverage(k -> k.check(true)
                .percentage(p -> p >= 1));
        Statistics.label("clocks change that day").collect(clocksChangeOn(local.toLocalDate(), zone))
                .coverage(k -> k.check(true).percentage(p -> p >= 0.3));
    }

    @Property(tries = 300)
    void historiesAreDatedBackFromTheInteractionInTheCustomersZone(@ForAll("anyRequest") DecisionRequest request) {
        LocalDate today = LocalDate.ofInstant(request.interaction().time(), request.customer().timeZone());
        for (Purchase p : request.purchases()) {
            assertThat(p.date()).isBeforeOrEqualTo(today);
        }
        for (Contact c : request.contacts()) {
            assertThat(c.time()).isBeforeOrEqualTo(request.interaction().time());
        }
    }

    @Property(tries = 200)
    void fluentRequestsAreWhatTheySay(@ForAll("atRiskComplaintsInbound") DecisionRequest request) {
        assertThat(request.interaction().channel().isInbound()).isTrue();
        assertThat(request.interaction().intent()).isEqualTo(Intent.COMPLAINT);
        assertThat(request.customer().churnRisk()).isBetween(0.5, 1.0);
    }

    @Provide
    Arbitrary<DecisionRequest> atRiskComplaintsInbound() {
        return Requests.inbound().fromAtRiskCustomers().withComplaint();
    }

    @Property(tries = 200)
    void declinersDeclinedTheVeryOfferTheyWouldGetOtherwise(@ForAll("decliners") DecisionRequest request) {
        assertThat(request.contacts()).hasSizeLessThanOrEqualTo(1);
        DecisionRequest before = new DecisionRequest(request.customer(), request.interaction(), request.purchases(),
                List.of(), request.propensities());
        String wouldGet = engine.decide(before).offer().map(o -> o.offerId()).orElse(null);
        if (wouldGet == null) {
            assertThat(request.contacts()).isEmpty();
        } else {
            Contact declined = request.contacts().get(0);
            assertThat(declined.offerId()).isEqualTo(wouldGet);
            assertThat(declined.outcome()).isEqualTo(ContactOutcome.DECLINED);
            assertThat(declined.time()).isBeforeOrEqualTo(request.interaction().time());
        }
    }

    @Provide
    Arbitrary<DecisionRequest> decliners() {
        return Requests.any().withoutHistory().whoDeclinedTheirNextBestOffer(engine);
    }

    @Property(tries = 300)
    void catalogsHoldValidOffersWithUniqueIds(@ForAll("catalogs") OfferCatalog catalog) {
        assertThat(catalog.size()).isBetween(1, 30);
        assertThat(catalog.offers().stream().map(Offer::id).distinct().count()).isEqualTo(catalog.size());
        for (Offer offer : catalog.offers()) {
            assertThat(offer.channels()).contains(Channel.INBOUND_VOICE);
            assertThat(offer.value()).isPositive();
        }
    }

    @Provide
    Arbitrary<OfferCatalog> catalogs() {
        return Offers.catalogs();
    }

    @Property(tries = 100)
    void interactionsNearMidnightAreNearMidnight(@ForAll("nearMidnight") Interaction interaction) {
        LocalTime t = interaction.time().atZone(ZoneId.of("America/Chicago")).toLocalTime();
        assertThat(t.getHour() == 23 || t.getHour() == 0).isTrue();
    }

    @Provide
    Arbitrary<Interaction> nearMidnight() {
        return Interactions.inbound().nearMidnight().inTimeZone("America/Chicago");
    }

    @Property(tries = 100)
    void veryLongHistoriesAreVeryLong(@ForAll("longHistories") List<Purchase> purchases) {
        assertThat(purchases).hasSizeBetween(60, 250);
    }

    @Provide
    Arbitrary<List<Purchase>> longHistories() {
        return Purchases.histories().veryLong();
    }

    private static String band(int size) {
        return size == 0 ? "none" : size <= 5 ? "1-5" : size < 60 ? "6-59" : "60+";
    }

    private static boolean clocksChangeOn(LocalDate day, ZoneId zone) {
        ZoneOffsetTransition next = zone.getRules().nextTransition(day.atStartOfDay(zone).toInstant().minusSeconds(1));
        return next != null && Duration.between(day.atStartOfDay(zone).toInstant(), next.getInstant()).toHours() < 24
                && !next.getInstant().isBefore(day.atStartOfDay(zone).toInstant());
    }
}
