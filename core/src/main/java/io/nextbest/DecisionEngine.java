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

    /** The version of the rule set new decisions use: a content hash and the time it was loaded. */
    String ruleSetVersion();

    /** The offer catalog of the rule set new decisions use. */
    OfferCatalog catalog();

    /** Releases the engine's rule sessions. Decisions after close fail. */
    @Override
    void close();
}
