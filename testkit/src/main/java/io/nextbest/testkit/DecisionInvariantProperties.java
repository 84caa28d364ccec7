package io.nextbest.testkit;

import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.NextBest;
import io.nextbest.RulePack;
import java.util.function.Supplier;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeContainerHook;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import net.jqwik.api.lifecycle.Lifespan;
import net.jqwik.api.lifecycle.Store;

/**
 * The catalogue as jqwik properties, one per invariant, for any rule pack: extend it and say which
 * rules.
 *
 * <pre>{@code
 * class OurRulesKeepTheInvariants extends DecisionInvariantProperties {
 *     @Override
 *     protected RulePack rules() {
 *         return RulePack.directory(Path.of("src/main/rules"));
 *     }
 * }
 * }</pre>
 *
 * Each property tries 1,000 requests unless {@code @PropertyDefaults(tries = ...)} on the subclass
 * says otherwise. Override {@link #configure} for engine settings and {@link #requests} for other
 * requests. The engine is built once for all the properties of the class.
 */
@AddLifecycleHook(DecisionInvariantProperties.OneEnginePerClass.class)
public abstract class DecisionInvariantProperties {

    /** The rule pack under test. */
    protected abstract RulePack rules();

    /** The engine's settings, such as {@code engine.maxOffers(2)}; the defaults unless overridden. */
    protected NextBest.Builder configure(NextBest.Builder engine) {
        return engine;
    }

    /** The requests every property tries; by default any request, on the engine's catalog. */
    protected RequestArbitrary requests(DecisionEngine engine) {
        return Requests.any().forCatalog(engine.catalog());
    }

    /** The invariants, built on first use and shared by the properties of the class. */
    protected final DecisionInvariants invariants() {
        Store<Shared> store = Store.get(Tuple.of(OneEnginePerClass.class, getClass()));
        return store.get().get(() -> DecisionInvariants.forRules(rules(), this::configure));
    }

    @Provide("requests")
    public Arbitrary<DecisionRequest> anyRequest() {
        return requests(invariants().engine());
    }

    @Provide("holders")
    public Arbitrary<DecisionRequest> customersWhoHoldTheirNextBestOffer() {
        DecisionEngine engine = invariants().engine();
        return requests(engine).whoHoldTheirNextBestOffer(engine);
    }

    @Provide("decliners")
    public Arbitrary<DecisionRequest> customersWhoDeclinedTheirNextBestOffer() {
        DecisionEngine engine = invariants().engine();
        return requests(engine).whoDeclinedTheirNextBestOffer(engine);
    }

    @Property
    public void atMostTheConfiguredNumberOfOffersIsMade(@ForAll("requests") DecisionRequest request) {
        holds(invariants().atMostTheConfiguredNumberOfOffers(), request);
    }

    @Property
    public void noOfferIsMadeWithoutConsentOrToADoNotCallCustomer(@ForAll("requests") DecisionRequest request) {
        holds(invariants().onlyOnConsentedChannels(), request);
    }

    @Property
    public void noOutboundOfferIsMadeOutsideCallingHours(@ForAll("requests") DecisionRequest request) {
        holds(invariants().onlyWithinCallingHours(), request);
    }

    @Property
    public void noSalesOfferIsMadeWhenServiceComesFirst(@ForAll("requests") DecisionRequest request) {
        holds(invariants().noSalesWhenServiceComesFirst(), request);
    }

    @Property
    public void noProductAlreadyHeldIsOffered(@ForAll("holders") DecisionRequest request) {
        holds(invariants().noProductAlreadyHeld(), request);
    }

    @Property
    public void aDeclinedOfferIsNotRepeatedWithinItsCoolDown(@ForAll("decliners") DecisionRequest request) {
        holds(invariants().noRepeatWithinCoolDown(), request);
    }

    @Property
    public void theSameRequestAlwaysGetsTheSameDecision(@ForAll("requests") DecisionRequest request) {
        holds(invariants().sameRequestSameDecision(), request);
    }

    @Property
    public void anAttributeNoRuleReadsChangesNothing(@ForAll("requests") DecisionRequest request) {
        holds(invariants().unreadAttributesChangeNothing(), request);
    }

    @Property
    public void raisingTheWinningOffersLeverOrValueNeverMakesItLose(@ForAll("requests") DecisionRequest request) {
        holds(invariants().raisingTheWinnerKeepsItWinning(), request);
    }

    @Property
    public void everyDecisionWithoutAnOfferSaysWhy(@ForAll("requests") DecisionRequest request) {
        holds(invariants().everyNoOfferSaysWhy(), request);
    }

    @Property
    public void everyExplanationNamesARuleOrTableRowOfThePack(@ForAll("requests") DecisionRequest request) {
        holds(invariants().everyExplanationNamesARealRow(), request);
    }

    private void holds(Invariant invariant, DecisionRequest request) {
        invariants().assertHolds(invariant, request);
    }

    /** Keeps one set of invariants, and so one engine, for all the properties of a class, and closes it after them. */
    static final class OneEnginePerClass implements BeforeContainerHook {
        @Override
        public void beforeContainer(ContainerLifecycleContext context) {
            context.optionalContainerClass().ifPresent(type ->
                    Store.create(Tuple.of(OneEnginePerClass.class, type), Lifespan.RUN, Shared::new));
        }
    }

    /** The invariants of one class, built by the first property that needs them. */
    static final class Shared implements Store.CloseOnReset {
        private DecisionInvariants invariants;

        synchronized DecisionInvariants get(Supplier<DecisionInvariants> build) {
            if (invariants == null) {
                invariants = build.get();
            }
            return invariants;
        }

        @Override
        public synchronized void close() {
            if (invariants != null) {
                invariants.close();
                invariants = null;
            }
        }
    }
}
