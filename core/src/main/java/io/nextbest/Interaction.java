package io.nextbest;

import java.time.Instant;

/**
 * The interaction the decision is for: where the customer is and how the conversation is going.
 *
 * @param id                      the interaction's id (call id, chat id); may be {@code null}
 * @param channel                 where the interaction happens; required
 * @param intent                  the reason for contact; required
 * @param sentiment               the customer's sentiment so far (default {@code NEUTRAL})
 * @param resolved                whether the customer's issue has been resolved on this interaction
 * @param handleTimeSeconds       the handle time so far, at least 0
 * @param targetHandleTimeSeconds the queue's target handle time, above 0 (default 600)
 * @param queue                   the queue type (default {@code SERVICE})
 * @param time                    when the decision is made; {@code null} means the engine's clock
 */
public record Interaction(
        String id,
        Channel channel,
        Intent intent,
        Sentiment sentiment,
        boolean resolved,
        int handleTimeSeconds,
        int targetHandleTimeSeconds,
        QueueType queue,
        Instant time) {

    public static final int DEFAULT_TARGET_HANDLE_TIME_SECONDS = 600;

    public Interaction {
        Checks check = new Checks();
        id = Checks.optionalText(id, null);
        check.require(channel, "channel");
        check.require(intent, "intent");
        sentiment = sentiment == null ? Sentiment.NEUTRAL : sentiment;
        check.nonNegative(handleTimeSeconds, "handleTimeSeconds");
        if (targetHandleTimeSeconds == 0) {
            targetHandleTimeSeconds = DEFAULT_TARGET_HANDLE_TIME_SECONDS;
        } else if (targetHandleTimeSeconds < 0) {
            check.add("targetHandleTimeSeconds", "must be above 0", targetHandleTimeSeconds);
        }
        queue = queue == null ? QueueType.SERVICE : queue;
        check.done();
    }

    public static Builder builder(Channel channel, Intent intent) {
        return new Builder(channel, intent);
    }

    /** A fluent way to build an interaction in Java. */
    public static final class Builder {
        private String id;
        private final Channel channel;
        private final Intent intent;
        private Sentiment sentiment;
        private boolean resolved;
        private int handleTimeSeconds;
        private int targetHandleTimeSeconds;
        private QueueType queue;
        private Instant time;

        private Builder(Channel channel, Intent intent) {
            this.channel = channel;
            this.intent = intent;
        }

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder sentiment(Sentiment sentiment) {
            this.sentiment = sentiment;
            return this;
        }

        public Builder resolved(boolean resolved) {
            this.resolved = resolved;
            return this;
        }

        public Builder handleTime(int handleTimeSeconds, int targetHandleTimeSeconds) {
            this.handleTimeSeconds = handleTimeSeconds;
            this.targetHandleTimeSeconds = targetHandleTimeSeconds;
            return this;
        }

        public Builder queue(QueueType queue) {
            this.queue = queue;
            return this;
        }

        public Builder time(Instant time) {
            this.time = time;
            return this;
        }

        public Interaction build() {
            return new Interaction(id, channel, intent, sentiment, resolved, handleTimeSeconds,
                    targetHandleTimeSeconds, queue, time);
        }
    }
}
