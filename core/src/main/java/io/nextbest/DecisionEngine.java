package io.nextbest;

/**
 * Decides, for one interaction, whether to make an offer and which. Build one with
 * {@link NextBest#engine()}, share it, and call {@link #decide} from as many threads as you like.
 */
public interface DecisionEngine extends AutoCloseable {

    /**
     * Decides on one request.
     *
     * @throws InvalidRequestException if the request cannot be decided on
     * @throws DecisionException if the rules fail while deciding (a rule throws, or loops)
     */
    Decision decide(DecisionRequest request);

    /**
     * Decides on one request as {@link #decide} does, and also reports every rule that fired, with
     * its stage and table row. Slower than {@code decide}: for tests, scenario runs and support, not
     * for every call.
     */
    Explanation explain(DecisionRequest request);

    /**
     * The rule set new decisions use: its version (a hash of its files, the same in every process),
     * label, origin, load time and whether it was precompiled.
     */
    RuleSetInfo ruleSet();

    /** The most offers one decision makes. */
    int maxOffers();

    /** The priority under which no offer is made. */
    double minimumPriority();

    /** The offer catalog of the rule set new decisions use. */
    OfferCatalog catalog();

    /**
     * Reads the rules again and swaps them in if they changed and compile. Decisions in flight finish
     * on the old rule set. A broken edit never replaces the last good rule set: it is reported to the
     * engine's {@link RuleSetListener} and decisions go on.
     *
     * @return true if a new rule set now decides
     */
    boolean reload();

    /**
     * Releases the engine's rule sessions and stops its folder watcher, if it has one. Decisions,
     * reloads and watching after close fail with {@link IllegalStateException}.
     */
    @Override
    void close();
}
