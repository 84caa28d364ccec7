package io.nextbest;

/**
 * An offer that passed every engagement policy, with its score: either chosen or a runner-up.
 *
 * @param offerId the offer's id in the catalog
 * @param name    the offer's name
 * @param kind    the offer's kind
 * @param program the program the offer belongs to
 * @param script  what the agent says or the message shows
 * @param score   the score, broken down
 */
public record RankedOffer(String offerId, String name, OfferKind kind, String program, String script, Score score) {
}
