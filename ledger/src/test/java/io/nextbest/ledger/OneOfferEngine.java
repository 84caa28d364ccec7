package io.nextbest.ledger;

import io.nextbest.Channel;
import io.nextbest.Customer;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.DecisionType;
import io.nextbest.Explanation;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import io.nextbest.OfferKind;
import io.nextbest.RankedOffer;
import io.nextbest.Reason;
import io.nextbest.RuleSetInfo;
import io.nextbest.Score;
import io.nextbest.Stage;
import java.time.Instant;
import java.util.List;

/**
 * A stand-in for the rules, for tests that need many decisions fast: it offers one program's offer to
 * every customer. The ledger is what is tested; the rules are tested elsewhere.
 */
final class OneOfferEngine implements DecisionEngine {
    private final String program;
    private final RuleSetInfo ruleSet = new RuleSetInfo("test-rules", "", "test", Instant.EPOCH, false, 0, 1);

    OneOfferEngine(String program) {
        this.program = program;
    }

    /** A call from the customer at the time. */
    static DecisionRequest call(String customerId, Instant time) {
        return DecisionRequest.builder(Customer.builder(customerId).build(),
                Interaction.builder(Channel.INBOUND_VOICE, Intent.BILLING).time(time).build()).build();
    }

    @Override
    public Decision decide(DecisionRequest request) {
        String offerId = program.toUpperCase() + "-OFFER";
        Instant time = request.interaction().time() != null ? request.interaction().time() : Instant.parse("2026-11-02T10:00:00Z");
        String id = "d-" + program + "-" + request.customer().id() + "-" + time.toEpochMilli();
        RankedOffer offer = new RankedOffer(offerId, "An offer", OfferKind.RETENTION, program, "Say this.",
                Score.of(0.5, 1, 10, 1));
        Reason chosen = new Reason(Reason.OFFER_CHOSEN, Stage.ARBITRATION, "Highest priority", "arbitration",
                List.of(offerId), offerId + " has the highest priority");
        return new Decision(id, request.customer().id(), DecisionType.OFFER, List.of(offer), List.of(), List.of(),
                List.of(chosen), ruleSet.version(), time);
    }

    @Override
    public Explanation explain(DecisionRequest request) {
        return new Explanation(decide(request), List.of());
    }

    @Override
    public RuleSetInfo ruleSet() {
        return ruleSet;
    }

    @Override
    public int maxOffers() {
        return 1;
    }

    @Override
    public double minimumPriority() {
        return 0;
    }

    @Override
    public OfferCatalog catalog() {
        return new OfferCatalog(List.<Offer>of());
    }

    @Override
    public boolean reload() {
        return false;
    }

    @Override
    public void close() {
    }
}
