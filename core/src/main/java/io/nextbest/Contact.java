package io.nextbest;

import java.time.Instant;

/**
 * An earlier contact with the customer, with or without an offer.
 *
 * @param offerId the offer made on that contact; {@code null} for a contact without an offer
 * @param program the program of that offer, if known; may be {@code null}
 * @param channel the channel of the contact; required
 * @param time    when it happened; required
 * @param outcome what became of it (default {@code IGNORED})
 */
public record Contact(String offerId, String program, Channel channel, Instant time, ContactOutcome outcome) {

    public Contact {
        offerId = offerId == null || offerId.isBlank() ? null : offerId.strip();
        program = program == null || program.isBlank() ? null : program.strip();
        Checks.require(channel, "channel");
        Checks.require(time, "time");
        outcome = outcome == null ? ContactOutcome.IGNORED : outcome;
    }

    /** True if an offer was made on this contact. */
    public boolean hadOffer() {
        return offerId != null;
    }
}
