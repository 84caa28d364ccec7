package io.nextbest.testkit;

import io.nextbest.Channel;
import io.nextbest.Contact;
import io.nextbest.ContactOutcome;
import java.time.Instant;

/** A contact some whole days and seconds before the moment a request is decided. */
record ContactDraft(String offerId, String program, Channel channel, int daysAgo, int secondsEarlier,
                    ContactOutcome outcome) {

    Contact before(Instant now) {
        return new Contact(offerId, program, channel, now.minusSeconds(daysAgo * 86_400L + secondsEarlier), outcome);
    }
}
