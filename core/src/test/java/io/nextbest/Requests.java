package io.nextbest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Valid decision requests of every shape, for properties and for tests that need many varied
 * requests. Offer ids, products and programs are those of the test pack in {@code packs/basic}, so
 * that histories and model scores touch real offers.
 */
public final class Requests {
    /** The first instant of the year requests fall in. */
    public static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");

    private static final List<String> OFFER_IDS = List.of("AUTOPAY", "FIBER", "LOYALTY", "RETIRED-OFFER");
    private static final List<String> PRODUCTS = List.of("FIBER_1G", "MOBILE_5G", "TV_BASIC", "ROUTER");

    private Requests() {
    }

    public static Arbitrary<DecisionRequest> requests() {
        return Combinators.combine(customers(), interactions(), purchases().list().ofMaxSize(4),
                        contacts().list().ofMaxSize(4), propensities())
                .as(DecisionRequest::new);
    }

    public static Arbitrary<Customer> customers() {
        Arbitrary<Customer.Builder> profiles = Combinators.combine(
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8),
                        Arbitraries.of("CONSUMER", "SMALL_BUSINESS", "PREMIUM"),
                        Arbitraries.integers().between(0, 240),
                        Arbitraries.of("UTC", "America/Chicago", "Europe/Paris", "Asia/Kolkata", "Australia/Sydney"),
                        Arbitraries.doubles().between(0, 20_000).ofScale(2),
                        Arbitraries.doubles().between(0, 1).ofScale(2),
                        Arbitraries.of(BillingStatus.class),
                        Arbitraries.of("", "TX", "CA", "NY"))
                .as((id, segment, tenure, zone, value, risk, billing, region) -> Customer.builder("C-" + id)
                        .segment(segment).tenureMonths(tenure).timeZone(zone).lifetimeValue(value).churnRisk(risk)
                        .billingStatus(billing).region(region));
        return Combinators.combine(profiles,
                        Arbitraries.of(PRODUCTS).set().ofMaxSize(2),
                        Arbitraries.of(Channel.class).set(),
                        Arbitraries.of(Channel.class).injectNull(0.3),
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as((profile, products, consents, preferred, doNotCall, vulnerable) -> profile.products(products)
                        .consents(consents.toArray(Channel[]::new)).preferredChannel(preferred)
                        .doNotCall(doNotCall).vulnerable(vulnerable).build());
    }

    public static Arbitrary<Interaction> interactions() {
        return Combinators.combine(
                        Arbitraries.of(Channel.class),
                        Arbitraries.of(Intent.class),
                        Arbitraries.of(Sentiment.class),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 1800),
                        Arbitraries.of(300, 600, 900),
                        Arbitraries.of(QueueType.class),
                        times())
                .as((channel, intent, sentiment, resolved, handle, target, queue, time) ->
                        Interaction.builder(channel, intent).id("I-" + time.getEpochSecond()).sentiment(sentiment)
                                .resolved(resolved).handleTime(handle, target).queue(queue).time(time).build());
    }

    public static Arbitrary<Purchase> purchases() {
        return Combinators.combine(
                        Arbitraries.of(PRODUCTS),
                        Arbitraries.of("", "PLAN", "DEVICE"),
                        Arbitraries.doubles().between(0, 2_000).ofScale(2),
                        Arbitraries.integers().between(0, 800).map(days -> LocalDate.of(2024, 6, 1).plusDays(days)),
                        Arbitraries.of(Channel.class).injectNull(0.5))
                .as(Purchase::new);
    }

    public static Arbitrary<Contact> contacts() {
        return Combinators.combine(
                        Arbitraries.of(OFFER_IDS).injectNull(0.3),
                        Arbitraries.of(Channel.class),
                        times(),
                        Arbitraries.of(ContactOutcome.class))
                .as((offerId, channel, time, outcome) -> new Contact(offerId, null, channel, time, outcome));
    }

    public static Arbitrary<Map<String, Double>> propensities() {
        return Arbitraries.maps(Arbitraries.of(OFFER_IDS), Arbitraries.doubles().between(0, 1).ofScale(3))
                .ofMaxSize(2);
    }

    /** Times in 2026, to the second. */
    public static Arbitrary<Instant> times() {
        return Arbitraries.longs().between(0, 365L * 86_400 - 1).map(YEAR_START::plusSeconds);
    }

    /** {@code count} requests drawn at random, for tests outside a property. */
    public static List<DecisionRequest> sample(int count) {
        return requests().sampleStream().limit(count).toList();
    }
}
