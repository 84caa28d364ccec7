package io.nextbest.outbound;

import io.nextbest.Channel;
import io.nextbest.InvalidRequestException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The customer's consent to be contacted on one channel, for some kinds of program, until they revoke it.
 *
 * @param channel   an outbound channel: {@code OUTBOUND_VOICE}, {@code SMS} or {@code EMAIL}; required
 * @param kinds     the kinds of program the customer accepts there; none means no contact on the channel
 * @param revokedAt when the customer revoked the consent, honoured from that instant on; {@code null} if never
 */
public record OptIn(Channel channel, Set<ProgramKind> kinds, Instant revokedAt) {

    public OptIn {
        if (channel == null || !channel.isOutbound()) {
            throw new InvalidRequestException("channel", "must be an outbound channel: OUTBOUND_VOICE, SMS or EMAIL",
                    channel);
        }
        kinds = kinds == null || kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** True if, at {@code time}, the customer accepts a contact of this kind of program on the channel. */
    public boolean allows(ProgramKind kind, Instant time) {
        return kinds.contains(kind) && !revokedBy(time);
    }

    /** True if the consent was revoked at or before {@code time}. */
    public boolean revokedBy(Instant time) {
        return revokedAt != null && !time.isBefore(revokedAt);
    }
}
