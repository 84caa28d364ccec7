package io.nextbest.benchmarks.straightforward;

import io.nextbest.Channel;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.QueueType;
import io.nextbest.Sentiment;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/** The interaction of one decision, with the customer's local date and hour. */
public final class InteractionFact {
    private final Interaction interaction;
    private final LocalDate today;
    private final int localHour;

    public InteractionFact(Interaction interaction, ZonedDateTime local) {
        this.interaction = interaction;
        this.today = local.toLocalDate();
        this.localHour = local.getHour();
    }

    public Channel getChannel() {
        return interaction.channel();
    }

    public boolean isOutbound() {
        return interaction.channel().isOutbound();
    }

    public Intent getIntent() {
        return interaction.intent();
    }

    public Sentiment getSentiment() {
        return interaction.sentiment();
    }

    public boolean isResolved() {
        return interaction.resolved();
    }

    public QueueType getQueue() {
        return interaction.queue();
    }

    /** The handle time so far as a share of the target: 1.0 is on target. */
    public double getHandleTimeRatio() {
        return (double) interaction.handleTimeSeconds() / interaction.targetHandleTimeSeconds();
    }

    public boolean isOverHandleTime() {
        return interaction.handleTimeSeconds() > interaction.targetHandleTimeSeconds();
    }

    /** The date in the customer's time zone. */
    public LocalDate getToday() {
        return today;
    }

    /** The hour of day (0 to 23) in the customer's time zone. */
    public int getLocalHour() {
        return localHour;
    }
}
