package io.nextbest;

import java.time.Instant;

/**
 * An earlier contact with the customer, with or without an offer.
 *
 * <p>A contact on which an offer was made must say what became of it: a decline starts the offer's
 * cool-down, so a missing outcome is an error rather than a guess. A contact without an offer has
 * nothing to accept or decline; its outcome, when missing, is {@code IGNORED}.
 *
 * @param offerId the offer made on that contact; {@code null} for a contact without an offer
 * @param program the program of that offer, if known; may be {@code null}
 * @param channel the channel of the contact; required
 * @param time    when it happened; required
 * @param outcome what became of the offer; required when an offer was made
 */
public record Contact(String offerId, String program, Channel channel, Instant time, ContactOutcome outcome) {

    public Contact {
        Checks check = new Checks();
        offerId = Checks.optionalText(offerId, null);
        program = Checks.optionalText(program, null);
        check.require(channel, "channel");
        check.require(time, "time");
        if (outcome == null && offerId != null) {
            check.add("outcome", "is required when an offer was made: ACCEPTED, DECLINED or IGNORED", null);
        }
        outcome = outcome == null ? ContactOutcome.IGNORED : outcome;
        check.done();
    }

    /** True if an offer was made on this contact. */
    public boolean hadOffer() {
        return offerId != null;
    }

    /**
     * A contact on {@code channel} at {@code time}; for one with an offer, add
     * {@code .offer("RET-LOYALTY", ContactOutcome.DECLINED)}.
     */
    public static Builder builder(Channel channel, Instant time) {
        return new Builder(channel, time);
    }

    /** A fluent way to build a contact in Java. */
    public static final class Builder {
        private final Channel channel;
        private final Instant time;
        private String offerId;
        private String program;
        private ContactOutcome outcome;

        private Builder(Channel channel, Instant time) {
            this.channel = channel;
            this.time = time;
        }

        /** The offer made on this contact and what became of it. */
        public Builder offer(String offerId, ContactOutcome outcome) {
            this.offerId = offerId;
            this.outcome = outcome;
            return this;
        }

        /** The program of the offer, if known. */
        public Builder program(String program) {
            this.program = program;
            return this;
        }

        /** The contact. @throws InvalidRequestException naming every bad field */
        public Contact build() {
            return new Contact(offerId, program, channel, time, outcome);
        }
    }
}
