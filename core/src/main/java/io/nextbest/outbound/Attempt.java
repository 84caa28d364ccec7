package io.nextbest.outbound;

import io.nextbest.Channel;
import io.nextbest.ContactOutcome;
import io.nextbest.InvalidRequestException;
import java.time.Instant;

/**
 * An earlier outbound contact, or an attempt at one, from the contact history.
 *
 * @param customerId   the customer; required
 * @param program      the program the contact was for; required
 * @param channel      the channel; required
 * @param time         when; required
 * @param outcome      what the customer did with it (default {@code IGNORED})
 * @param debt         for a collection contact, the debt it was about; {@code null} otherwise
 * @param conversation true if the customer was reached and spoke with us (for a collection call: a
 *                     conversation about the debt, after which no call for seven days)
 */
public record Attempt(String customerId, String program, Channel channel, Instant time, ContactOutcome outcome,
                      String debt, boolean conversation) {

    public Attempt {
        if (customerId == null || customerId.isBlank()) {
            throw new InvalidRequestException("customerId", "is required", customerId);
        }
        if (program == null || program.isBlank()) {
            throw new InvalidRequestException("program", "is required", program);
        }
        if (channel == null) {
            throw new InvalidRequestException("channel", "is required", null);
        }
        if (time == null) {
            throw new InvalidRequestException("time", "is required", null);
        }
        outcome = outcome == null ? ContactOutcome.IGNORED : outcome;
        debt = debt == null || debt.isBlank() ? null : debt;
    }
}
