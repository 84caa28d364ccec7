package io.nextbest.testkit;

import io.nextbest.Channel;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.QueueType;
import io.nextbest.Sentiment;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * An interaction whose time is still a wall-clock time: a request places it in its customer's time
 * zone, so that "8:59 in the evening" means the customer's evening wherever they live.
 */
record InteractionDraft(int number, Channel channel, Intent intent, Sentiment sentiment, boolean resolved,
                        int handleTimeSeconds, int targetHandleTimeSeconds, QueueType queue, LocalDate date,
                        int secondOfDay) {

    /** The interaction at this wall-clock time in {@code zone}; a time skipped by a clock change moves forward. */
    Interaction in(ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(date, LocalTime.ofSecondOfDay(secondOfDay));
        return Interaction.builder(channel, intent)
                .id("I-" + number)
                .sentiment(sentiment)
                .resolved(resolved)
                .handleTime(handleTimeSeconds, targetHandleTimeSeconds)
                .queue(queue)
                .time(local.atZone(zone).toInstant())
                .build();
    }
}
