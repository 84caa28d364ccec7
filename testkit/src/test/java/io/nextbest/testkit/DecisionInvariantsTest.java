package io.nextbest.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nextbest.DecisionRequest;
import io.nextbest.rules.DefaultRules;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionInvariantsTest {

    @Test
    void theInvariantsTakeTheEnginesSettingsAndHoldWhenSeveralOffersAreMade() {
        try (DecisionInvariants invariants = DecisionInvariants.forRules(DefaultRules.pack(), e -> e.maxOffers(3))) {
            assertThat(invariants.atMostTheConfiguredNumberOfOffers().name()).isEqualTo("at most 3 offers per interaction");
            List<Invariant> cheap = invariants.all().stream()
                    .filter(i -> !i.name().equals(invariants.raisingTheWinnerKeepsItWinning().name())).toList();
            int several = 0;
            for (DecisionRequest request : Requests.inbound().inSalesQueue().sampleStream().limit(300).toList()) {
                for (Invariant invariant : cheap) {
                    invariants.assertHolds(invariant, request);
                }
                several += invariants.engine().decide(request).offers().size() > 1 ? 1 : 0;
            }
            assertThat(several).as("decisions with more than one offer").isPositive();
        }
    }

    @Test
    void anInvariantOfOnesOwnReportsTheDecisionTheRulesThatFiredAndAScenarioPinningIt() {
        Invariant nothingEver = Invariant.onDecision("nothing is ever offered",
                (request, decision) -> decision.offer().map(o -> o.offerId() + " was offered"));
        try (DecisionInvariants invariants = DecisionInvariants.forRules(DefaultRules.pack())) {
            DecisionRequest offered = Requests.inbound().fromAtRiskCustomers().fromCustomersConsentingToEverything()
                    .sampleStream().filter(r -> invariants.engine().decide(r).isOffer()).findFirst().orElseThrow();

            assertThatThrownBy(() -> invariants.assertHolds(nothingEver, offered))
                    .isInstanceOf(InvariantViolation.class)
                    .hasMessageContaining("Invariant broken: nothing is ever offered")
                    .hasMessageContaining("Rules that fired, in order")
                    .hasMessageContaining("The scenario pins the decision made")
                    .hasMessageContaining("\"expect\" : {\n      \"offer\" : ");
            assertThat(invariants.check(offered)).isEmpty();
        }
    }

    @Test
    void anInvariantThatFindsNothingWrongPasses() {
        Invariant fine = Invariant.onDecision("anything goes", (request, decision) -> Optional.empty());
        try (DecisionInvariants invariants = DecisionInvariants.forRules(DefaultRules.pack())) {
            for (DecisionRequest request : Requests.any().sampleStream().limit(20).toList()) {
                invariants.assertHolds(fine, request);
            }
        }
    }
}
