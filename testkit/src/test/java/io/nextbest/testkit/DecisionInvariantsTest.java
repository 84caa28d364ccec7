package io.nextbest.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nextbest.DecisionRequest;
import io.nextbest.rules.DefaultRules;
import java.util.List;
import java.util.Map;
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
    void anInvariantOfOnesOwnReportsTheDecisionTheRulesThatFiredByStageAndAScenarioThatExpectsWhatItDemands() {
        Invariant nothingEver = Invariant.onDecision("nothing is ever offered", Map.of("decision", "NO_OFFER"),
                (request, decision) -> decision.offer().map(o -> o.offerId() + " was offered"));
        try (DecisionInvariants invariants = DecisionInvariants.forRules(DefaultRules.pack())) {
            DecisionRequest offered = Requests.inbound().fromAtRiskCustomers().fromCustomersConsentingToEverything()
                    .sampleStream().filter(r -> invariants.engine().decide(r).isOffer()).findFirst().orElseThrow();

            InvariantViolation failure = catchThrowableOfType(InvariantViolation.class,
                    () -> invariants.assertHolds(nothingEver, offered));
            assertThat(failure).hasMessageStartingWith("1 invariant broken for customer " + offered.customer().id()
                    + ": nothing is ever offered: ");
            assertThat(failure.report())
                    .startsWith("Invariant broken: nothing is ever offered")
                    .contains("Rules that fired, by stage (rule [reason code] (file and row or line)):\n"
                            + "  eligibility:\n    ")
                    .contains("\n  arbitration:\n    ")
                    .contains("It fails on these rules and passes once they are fixed: it expects what the "
                            + "invariant demands.")
                    .contains("\"expect\" : {\n      \"decision\" : \"NO_OFFER\"");
            assertThat(invariants.check(offered)).isEmpty();
        }
    }

    @Test
    void anInvariantOfOnesOwnMustSayWhatItsScenarioExpectsIfItSaysAnything() {
        assertThatThrownBy(() -> Invariant.onDecision("anything", Map.of(), (request, decision) -> Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Map.of(\"notProgram\"");
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
