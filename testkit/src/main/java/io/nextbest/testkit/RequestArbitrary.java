package io.nextbest.testkit;

import io.nextbest.Channel;
import io.nextbest.Contact;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import io.nextbest.QueueType;
import io.nextbest.RankedOffer;
import io.nextbest.Sentiment;
import io.nextbest.testkit.Vocabulary.OfferRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Whole decision requests: a customer, an interaction at a wall-clock time in the customer's own time
 * zone, and purchase and contact histories dated back from that moment, so that "declined 29 days
 * ago" and "9 p.m. local time" mean what they say wherever the customer lives. Fluent, as jqwik's own
 * arbitraries: {@code Requests.inbound().fromAtRiskCustomers().withComplaint()}. Every part shrinks on
 * its own, towards the simplest customer, a noon general inquiry and empty histories.
 */
public final class RequestArbitrary extends ArbitraryDecorator<DecisionRequest> {
    private static final int LAST_DAY_OF_COOL_DOWN = -1;
    private static final int FIRST_DAY_AFTER_COOL_DOWN = -2;

    private CustomerArbitrary customers = Customers.any();
    private InteractionArbitrary interactions;
    private PurchaseHistoryArbitrary purchases = Purchases.histories();
    private ContactHistoryArbitrary contacts = Contacts.histories();
    private int modelScorePercent = 15;
    private OfferCatalog catalog;
    private DecisionEngine holdersOf;
    private DecisionEngine declinersOf;
    private int plannedPercent;

    RequestArbitrary(InteractionArbitrary interactions) {
        this.interactions = interactions;
    }

    // ---------------------------------------------------------------- customers

    public RequestArbitrary from(CustomerArbitrary customers) {
        RequestArbitrary c = typedClone();
        c.customers = customers;
        return c;
    }

    public RequestArbitrary fromAtRiskCustomers() {
        return from(customers.atRisk());
    }

    public RequestArbitrary fromNewCustomers() {
        return from(customers.newCustomers());
    }

    public RequestArbitrary fromVulnerableCustomers() {
        return from(customers.vulnerable());
    }

    public RequestArbitrary fromDoNotCallCustomers() {
        return from(customers.onDoNotCallList());
    }

    public RequestArbitrary fromCustomersConsentingToEverything() {
        return from(customers.consentingToEverything());
    }

    // ---------------------------------------------------------------- the interaction

    public RequestArbitrary with(InteractionArbitrary interactions) {
        RequestArbitrary c = typedClone();
        c.interactions = interactions;
        return c;
    }

    public RequestArbitrary on(Channel... channels) {
        return with(interactions.on(channels));
    }

    public RequestArbitrary withIntent(Intent... intents) {
        return with(interactions.withIntent(intents));
    }

    public RequestArbitrary withComplaint() {
        return with(interactions.withComplaint());
    }

    public RequestArbitrary withSentiment(Sentiment... sentiments) {
        return with(interactions.withSentiment(sentiments));
    }

    public RequestArbitrary unresolved() {
        return with(interactions.unresolved());
    }

    public RequestArbitrary inServiceQueue() {
        return with(interactions.inQueue(QueueType.SERVICE));
    }

    public RequestArbitrary inSalesQueue() {
        return with(interactions.inQueue(QueueType.SALES));
    }

    public RequestArbitrary overHandleTime() {
        return with(interactions.overHandleTime());
    }

    public RequestArbitrary nearMidnight() {
        return with(interactions.nearMidnight());
    }

    public RequestArbitrary aroundDaylightSavingChanges() {
        return with(interactions.aroundDaylightSavingChanges());
    }

    /** Interactions from {@code fromHour}:00 to {@code toHour}:59 in the customer's local time. */
    public RequestArbitrary betweenHours(int fromHour, int toHour) {
        return with(interactions.betweenHours(fromHour, toHour));
    }

    // ---------------------------------------------------------------- histories

    public RequestArbitrary with(PurchaseHistoryArbitrary purchases) {
        RequestArbitrary c = typedClone();
        c.purchases = purchases;
        return c;
    }

    public RequestArbitrary with(ContactHistoryArbitrary contacts) {
        RequestArbitrary c = typedClone();
        c.contacts = contacts;
        return c;
    }

    /** No purchases and no contacts. */
    public RequestArbitrary withoutHistory() {
        return with(purchases.empty()).with(contacts.empty());
    }

    /** Histories of 60 to 250 purchases and contacts. */
    public RequestArbitrary withVeryLongHistories() {
        return with(purchases.veryLong()).with(contacts.veryLong());
    }

    // ---------------------------------------------------------------- the rule set

    /**
     * Products, contacted offers and model scores drawn from this catalog, such as
     * {@code engine.catalog()}; without it, from the default pack's.
     */
    public RequestArbitrary forCatalog(OfferCatalog catalog) {
        RequestArbitrary c = typedClone();
        c.catalog = catalog;
        return c;
    }

    /** Every request carries model propensities for one to three offers. */
    public RequestArbitrary withModelScores() {
        RequestArbitrary c = typedClone();
        c.modelScorePercent = 100;
        return c;
    }

    /** No request carries model propensities: the rules estimate them all. */
    public RequestArbitrary withoutModelScores() {
        RequestArbitrary c = typedClone();
        c.modelScorePercent = 0;
        return c;
    }

    /**
     * Customers who already hold the product of the offer {@code engine} would make them: each request
     * is decided once, and the product of the offer it wins, if any, is added to the customer's. The
     * way to put "no offer of a product already held" to the test.
     */
    public RequestArbitrary whoHoldTheirNextBestOffer(DecisionEngine engine) {
        RequestArbitrary c = typedClone();
        c.holdersOf = engine;
        return c;
    }

    /**
     * Customers who declined, some days ago, the very offer {@code engine} would make them now: each
     * request is decided once, and a declined contact for the offer it wins, if any, is added, from
     * today to four months back, the last day of the offer's cool-down and the first day after it
     * included. The way to put cool-downs to the test.
     */
    public RequestArbitrary whoDeclinedTheirNextBestOffer(DecisionEngine engine) {
        RequestArbitrary c = typedClone();
        c.declinersOf = engine;
        return c;
    }

    /**
     * Makes {@code percent} of the requests on outbound channels planned contacts, as {@code OutboundPlanner}
     * asks for them: the customer's attributes {@code planned} (true), {@code event} (a kind of {@link
     * PopulationArbitrary#EVENT_KINDS}) and {@code criticalCare}.
     */
    public RequestArbitrary plannedFromEvents(int percent) {
        RequestArbitrary c = typedClone();
        c.plannedPercent = percent;
        return c;
    }

    private static DecisionRequest planned(DecisionRequest r, int roll, int percent, String event, boolean critical) {
        if (roll >= percent || !r.interaction().channel().isOutbound()) {
            return r;
        }
        DecisionRequest planned = Copies.withAttribute(Copies.withAttribute(r, "planned", true), "event", event);
        return Copies.withAttribute(planned, "criticalCare", critical);
    }

    @Override
    protected Arbitrary<DecisionRequest> arbitrary() {
        CustomerArbitrary who = catalog == null ? customers : customers.forCatalog(catalog);
        PurchaseHistoryArbitrary bought = catalog == null ? purchases : purchases.forCatalog(catalog);
        ContactHistoryArbitrary contacted = catalog == null ? contacts : contacts.forCatalog(catalog);
        Arbitrary<DecisionRequest> requests = Combinators.combine(
                        who, interactions.drafts(), bought.drafts(), contacted.drafts(), modelScores())
                .as(RequestArbitrary::assemble);
        if (plannedPercent > 0) {
            int percent = plannedPercent;
            requests = Combinators.combine(requests, Arbitraries.integers().between(0, 99),
                            Arbitraries.of(PopulationArbitrary.EVENT_KINDS), Arbitraries.of(false, true))
                    .as((r, roll, event, critical) -> planned(r, roll, percent, event, critical));
        }
        if (holdersOf != null) {
            DecisionEngine engine = holdersOf;
            requests = requests.map(r -> holdingNextBest(engine, r));
        }
        if (declinersOf != null) {
            DecisionEngine engine = declinersOf;
            Arbitrary<Integer> daysAgo = Arbitraries.frequencyOf(
                    Tuple.of(3, Arbitraries.integers().between(0, 29)),
                    Tuple.of(2, Arbitraries.of(LAST_DAY_OF_COOL_DOWN, FIRST_DAY_AFTER_COOL_DOWN)),
                    Tuple.of(1, Arbitraries.integers().between(30, 120)));
            requests = Combinators.combine(requests, daysAgo, Arbitraries.integers().between(0, 86_399),
                            Arbitraries.of(Channel.INBOUND_VOICE, Channel.OUTBOUND_VOICE, Channel.CHAT, Channel.SMS))
                    .as((r, days, seconds, channel) -> decliningNextBest(engine, r, days, seconds, channel));
        }
        return requests.withoutEdgeCases();
    }

    private static DecisionRequest assemble(Customer customer, InteractionDraft draft, List<PurchaseDraft> purchases,
                                            List<ContactDraft> contacts, Map<String, Double> scores) {
        Interaction interaction = draft.in(customer.timeZone());
        Instant now = interaction.time();
        LocalDate today = LocalDate.ofInstant(now, customer.timeZone());
        return new DecisionRequest(customer, interaction,
                purchases.stream().map(p -> p.before(today)).toList(),
                contacts.stream().map(c -> c.before(now)).toList(),
                scores);
    }

    private Arbitrary<Map<String, Double>> modelScores() {
        if (modelScorePercent == 0) {
            return Arbitraries.just(Map.of());
        }
        List<String> ids = (catalog == null ? Vocabulary.OFFERS : Vocabulary.offersOf(catalog)).stream()
                .map(OfferRef::offerId).toList();
        Arbitrary<Map<String, Double>> scores = Arbitraries.maps(Arbitraries.of(ids),
                Arbitraries.doubles().between(0, 1).ofScale(2)).ofMinSize(1).ofMaxSize(3);
        if (modelScorePercent == 100) {
            return scores;
        }
        return Arbitraries.frequencyOf(Tuple.of(100 - modelScorePercent, Arbitraries.just(Map.of())),
                Tuple.of(modelScorePercent, scores));
    }

    private static DecisionRequest holdingNextBest(DecisionEngine engine, DecisionRequest request) {
        return winner(engine, request)
                .flatMap(o -> engine.catalog().find(o.offerId()))
                .filter(offer -> !offer.product().isEmpty())
                .map(offer -> Copies.holding(request, offer.product()))
                .orElse(request);
    }

    private static DecisionRequest decliningNextBest(DecisionEngine engine, DecisionRequest request, int daysAgo,
                                                     int seconds, Channel channel) {
        Optional<RankedOffer> won = winner(engine, request);
        if (won.isEmpty()) {
            return request;
        }
        Offer offer = engine.catalog().find(won.get().offerId()).orElseThrow();
        int coolDown = offer.coolDownDays();
        int days = daysAgo == LAST_DAY_OF_COOL_DOWN ? Math.max(coolDown - 1, 0)
                : daysAgo == FIRST_DAY_AFTER_COOL_DOWN ? coolDown : daysAgo;
        Instant now = request.interaction().time();
        Contact declined = new Contact(offer.id(), offer.program(), channel,
                now.minusSeconds(days * 86_400L + seconds), ContactOutcome.DECLINED);
        return Copies.withContact(request, declined);
    }

    private static Optional<RankedOffer> winner(DecisionEngine engine, DecisionRequest request) {
        Decision decision = engine.decide(request);
        return decision.offer();
    }
}
