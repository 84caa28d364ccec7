package com.example.contactcenter;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Decision;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.OfferKind;
import io.nextbest.RulePack;
import io.nextbest.rules.DefaultRules;
import io.nextbest.testkit.DecisionInvariants;
import io.nextbest.testkit.Invariant;
import io.nextbest.testkit.Requests;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** What our rules promise a customer who calls to cancel. */
class CancellationCallsTest {
    // The rules under test; for your own: RulePack.directory(Path.of("src/main/rules"))
    static final RulePack RULES = DefaultRules.pack();

    static DecisionInvariants invariants;

    @BeforeContainer
    static void buildTheEngine() {
        invariants = DecisionInvariants.forRules(RULES);
    }

    @AfterContainer
    static void closeTheEngine() {
        invariants.close();
    }

    @Provide
    Arbitrary<DecisionRequest> cancellations() {
        return Requests.inbound()
                .withIntent(Intent.CANCELLATION)
                .forCatalog(invariants.engine().catalog());
    }

    /** A property on a rule outcome, with AssertJ: a failure shows the request jqwik shrank. */
    @Property
    void aCustomerCallingToCancelIsNeverSoldTo(@ForAll("cancellations") DecisionRequest request) {
        Decision decision = invariants.engine().decide(request);

        assertThat(decision.offers()).noneMatch(offer -> offer.kind() == OfferKind.SALES);
    }

    /**
     * The same kind of outcome as an invariant: a failure also shows the rules that fired, and a scenario
     * that expects what the invariant demands (no offer of the welcome program), to keep with the pack's.
     */
    static final Invariant NO_WELCOME_ON_A_CANCELLATION = Invariant.onDecision(
            "a customer calling to cancel is not welcomed",
            Map.of("notProgram", "welcome"),
            (request, decision) -> decision.offer()
                    .filter(offer -> offer.program().equals("welcome"))
                    .map(offer -> offer.offerId() + " was offered on a cancellation call"));

    @Property
    void aCustomerCallingToCancelIsNotWelcomed(@ForAll("cancellations") DecisionRequest request) {
        invariants.assertHolds(NO_WELCOME_ON_A_CANCELLATION, request);
    }

    /** And every invariant of the catalogue at once. */
    @Property(tries = 100)
    void everyCancellationDecisionKeepsEveryInvariant(@ForAll("cancellations") DecisionRequest request) {
        invariants.assertAll(request);
    }
}
