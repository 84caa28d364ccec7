package io.nextbest.testkit;

import io.nextbest.Channel;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.NextBest;
import io.nextbest.rules.DefaultRules;
import java.lang.reflect.Field;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import io.nextbest.testkit.DecisionInvariantProperties.OneEnginePerClass;
import io.nextbest.testkit.DecisionInvariantProperties.Shared;
import java.util.function.Supplier;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.Store;

/**
 * One property for each broken pack in {@code src/test/resources/broken-packs}, each checking the
 * invariant the pack breaks, as a QA engineer would write it. The build does not run these on their
 * own (the class name is not a test's); {@link InvariantsCatchBrokenPacksTest} runs each through jqwik
 * and checks that it fails with a readable report. The seed is fixed so that the build is repeatable.
 */
@AddLifecycleHook(OneEnginePerClass.class)
class BrokenPackRuns {
    static final String SEED = "20261123";

    /**
     * The invariants of the pack, built once per run and closed after it: jqwik reads the samples of a
     * failure again to report them, after the property, and requests built from the engine's decisions
     * need it open then.
     */
    private static DecisionInvariants invariants(Supplier<DecisionInvariants> build) {
        Store<Shared> store = Store.get(Tuple.of(OneEnginePerClass.class, BrokenPackRuns.class));
        return store.get().get(build);
    }

    private static DecisionInvariants invariants(String pack) {
        return invariants(() -> DecisionInvariants.forRules(BrokenPacks.pack(pack)));
    }

    private void check(String pack, Function<DecisionInvariants, Invariant> invariant, DecisionRequest request) {
        DecisionInvariants all = invariants(pack);
        all.assertHolds(invariant.apply(all), request);
    }

    // ---------------------------------------------------------------- consent and Do-Not-Call

    @Property(seed = SEED)
    void noConsentRule(@ForAll("anyRequest") DecisionRequest request) {
        check("no-consent-rule", DecisionInvariants::onlyOnConsentedChannels, request);
    }

    @Property(seed = SEED)
    void doNotCallForCampaignsOnly(@ForAll("outboundCallsToDoNotCallCustomers") DecisionRequest request) {
        check("do-not-call-for-campaigns-only", DecisionInvariants::onlyOnConsentedChannels, request);
    }

    @Provide
    Arbitrary<DecisionRequest> outboundCallsToDoNotCallCustomers() {
        return Requests.outbound().on(Channel.OUTBOUND_VOICE).fromDoNotCallCustomers();
    }

    // ---------------------------------------------------------------- calling hours

    @Property(seed = SEED)
    void callingHoursOffByOne(@ForAll("outboundContactsLateInTheDay") DecisionRequest request) {
        check("calling-hours-off-by-one", DecisionInvariants::onlyWithinCallingHours, request);
    }

    @Provide
    Arbitrary<DecisionRequest> outboundContactsLateInTheDay() {
        return Requests.outbound().fromCustomersConsentingToEverything().betweenHours(19, 23);
    }

    // ---------------------------------------------------------------- service first

    @Property(seed = SEED)
    void complaintRowDropped(@ForAll("complaints") DecisionRequest request) {
        check("complaint-row-dropped", DecisionInvariants::noSalesWhenServiceComesFirst, request);
    }

    @Provide
    Arbitrary<DecisionRequest> complaints() {
        return Requests.inbound().withComplaint();
    }

    // ---------------------------------------------------------------- held products and cool-downs

    @Property(seed = SEED)
    void heldProductRuleDropped(@ForAll("holders") DecisionRequest request) {
        check("held-product-rule-dropped", DecisionInvariants::noProductAlreadyHeld, request);
    }

    @Provide
    Arbitrary<DecisionRequest> holders() {
        DecisionEngine engine = invariants("held-product-rule-dropped").engine();
        return Requests.any().whoHoldTheirNextBestOffer(engine);
    }

    @Property(seed = SEED)
    void coolDownOnVoiceOnly(@ForAll("decliners") DecisionRequest request) {
        check("cool-down-on-voice-only", DecisionInvariants::noRepeatWithinCoolDown, request);
    }

    @Provide
    Arbitrary<DecisionRequest> decliners() {
        DecisionEngine engine = invariants("cool-down-on-voice-only").engine();
        return Requests.any().whoDeclinedTheirNextBestOffer(engine);
    }

    // ---------------------------------------------------------------- determinism and unread attributes

    @Property(seed = SEED)
    void randomHoldout(@ForAll("anyRequest") DecisionRequest request) {
        check("random-holdout", DecisionInvariants::sameRequestSameDecision, request);
    }

    @Property(seed = SEED)
    void anyFlagMeansSpecialist(@ForAll("anyRequest") DecisionRequest request) {
        check("any-flag-means-specialist", DecisionInvariants::unreadAttributesChangeNothing, request);
    }

    // ---------------------------------------------------------------- levers

    @Property(seed = SEED)
    void leverCapDropsTheOffer(@ForAll("atRiskCallers") DecisionRequest request) {
        DecisionInvariants capped = invariants(() -> DecisionInvariants.forEngines(DefaultRules.pack(),
                pack -> new LeverCap(NextBest.engine().rules(pack).build())));
        capped.assertHolds(capped.raisingTheWinnerKeepsItWinning(), request);
    }

    @Provide
    Arbitrary<DecisionRequest> atRiskCallers() {
        return Requests.inbound().fromAtRiskCustomers();
    }

    // ---------------------------------------------------------------- explanations

    @Property(seed = SEED)
    void unnamedTableRow(@ForAll("anyRequest") DecisionRequest request) {
        check("unnamed-table-row", DecisionInvariants::everyNoOfferSaysWhy, request);
    }


    // ---------------------------------------------------------------- an invariant of one's own

    /** The README's invariant of one's own, with what its scenario must expect: the one in its example class. */
    static final Invariant NO_WELCOME_ON_A_CANCELLATION = readmeInvariant();

    private static Invariant readmeInvariant() {
        try {
            Field field = Class.forName("com.example.contactcenter.CancellationCallsTest")
                    .getDeclaredField("NO_WELCOME_ON_A_CANCELLATION");
            field.setAccessible(true);
            return (Invariant) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the README's example class has no NO_WELCOME_ON_A_CANCELLATION", e);
        }
    }

    /** The same without an expectation: the kit expects the decision that broke it not to be made again. */
    static final Invariant NO_WELCOME_ON_A_CANCELLATION_UNSTATED = Invariant.onDecision(
            "a customer calling to cancel is not welcomed",
            (request, decision) -> decision.offer()
                    .filter(offer -> offer.program().equals("welcome"))
                    .map(offer -> offer.offerId() + " was offered on a cancellation call"));

    @Property(seed = SEED)
    void cancellationWelcomes(@ForAll("cancellations") DecisionRequest request) {
        check(BrokenPacks.CANCELLATION_WELCOMES, all -> NO_WELCOME_ON_A_CANCELLATION, request);
    }

    @Property(seed = SEED)
    void cancellationWelcomesUnstated(@ForAll("cancellations") DecisionRequest request) {
        check(BrokenPacks.CANCELLATION_WELCOMES, all -> NO_WELCOME_ON_A_CANCELLATION_UNSTATED, request);
    }

    @Provide
    Arbitrary<DecisionRequest> cancellations() {
        return Requests.inbound().withIntent(Intent.CANCELLATION);
    }

    // ---------------------------------------------------------------- the engine itself

    @Property(seed = SEED)
    void sourcesPointPastTheirRows(@ForAll("anyRequest") DecisionRequest request) {
        DecisionInvariants misplaced = invariants(() -> DecisionInvariants.forEngine(
                new MisplacedSources(NextBest.engine().rules(DefaultRules.pack()).build()), DefaultRules.pack()));
        misplaced.assertHolds(misplaced.everyExplanationNamesARealRow(), request);
    }

    @Property(seed = SEED)
    void arbitrationForgetsMaxOffers(@ForAll("anyRequest") DecisionRequest request) {
        DecisionInvariants forgetful = invariants(() -> DecisionInvariants.forEngine(
                new ForgetfulArbitration(NextBest.engine().rules(DefaultRules.pack()).build()), DefaultRules.pack()));
        forgetful.assertHolds(forgetful.atMostTheConfiguredNumberOfOffers(), request);
    }

    @Provide
    Arbitrary<DecisionRequest> anyRequest() {
        return Requests.any();
    }
}
