package io.nextbest.testkit;

import io.nextbest.Channel;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.QueueType;
import io.nextbest.Sentiment;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Interactions in plausible proportions: billing and technical calls most, complaints and
 * cancellations less often, mostly resolved and neutral, mostly within business hours, with every
 * channel and intent reachable and times near midnight, at the calling-hour limits and on
 * daylight-saving days. Times are wall-clock times in {@link #inTimeZone the interaction's zone} (UTC
 * unless told); in a request they are the customer's. Shrinks towards a resolved, neutral general
 * inquiry in a service queue on 15 January 2026 at noon.
 */
public final class InteractionArbitrary extends ArbitraryDecorator<Interaction> {
    /** Seconds of the day that catch off-by-one and clock-change mistakes. */
    private static final Integer[] EDGE_TIMES = {
            43_200, 0, 1, 86_399, 3_600, 5_400, 7_199, 7_200, 9_000, 10_800, 28_799, 28_800, 75_599, 75_600,
            79_199, 79_200, 82_800};

    private Arbitrary<Channel> channels;
    private Arbitrary<Intent> intents;
    private Arbitrary<Sentiment> sentiments = Arbitraries.frequency(
            Tuple.of(60, Sentiment.NEUTRAL), Tuple.of(25, Sentiment.POSITIVE), Tuple.of(15, Sentiment.NEGATIVE));
    private Arbitrary<Boolean> resolved = Arbitraries.frequency(Tuple.of(80, true), Tuple.of(20, false));
    private Arbitrary<QueueType> queues;
    private Arbitrary<Integer> handleTimes = Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.of(0, 299, 300, 301, 419, 420, 421, 599, 600, 601, 899, 900, 901)),
            Tuple.of(7, Arbitraries.integers().between(0, 600)),
            Tuple.of(1, Arbitraries.integers().between(600, 3_600)));
    private Arbitrary<Integer> targets = Arbitraries.frequency(
            Tuple.of(60, 600), Tuple.of(15, 300), Tuple.of(15, 420), Tuple.of(10, 900));
    private Arbitrary<LocalDate> dates = Arbitraries.frequencyOf(
            Tuple.of(85, Arbitraries.integers().between(0, Vocabulary.DAYS - 1).shrinkTowards(Vocabulary.SHRINK_DAY)
                    .map(Vocabulary.FIRST_DAY::plusDays)),
            Tuple.of(15, Arbitraries.of(Vocabulary.CALENDAR_EDGES)));
    private Arbitrary<Integer> times = Arbitraries.frequencyOf(
            Tuple.of(65, Arbitraries.integers().between(8 * 3_600, 21 * 3_600 - 1).shrinkTowards(43_200)),
            Tuple.of(20, Arbitraries.integers().between(0, 86_399).shrinkTowards(43_200)),
            Tuple.of(15, Arbitraries.of(EDGE_TIMES)));
    private ZoneId zone = ZoneId.of("UTC");

    private InteractionArbitrary(Arbitrary<Channel> channels, Arbitrary<Intent> intents, Arbitrary<QueueType> queues) {
        this.channels = channels;
        this.intents = intents;
        this.queues = queues;
    }

    /** Calls, chats, IVR and web sessions the customer started, about the usual reasons. */
    static InteractionArbitrary inbound() {
        return new InteractionArbitrary(
                Arbitraries.frequency(Tuple.of(55, Channel.INBOUND_VOICE), Tuple.of(20, Channel.CHAT),
                        Tuple.of(15, Channel.IVR), Tuple.of(10, Channel.WEB)),
                Arbitraries.frequency(
                        Tuple.of(14, Intent.GENERAL_INQUIRY), Tuple.of(22, Intent.BILLING),
                        Tuple.of(20, Intent.TECHNICAL_SUPPORT), Tuple.of(12, Intent.PAYMENT), Tuple.of(8, Intent.COMPLAINT),
                        Tuple.of(6, Intent.CANCELLATION), Tuple.of(6, Intent.UPGRADE), Tuple.of(5, Intent.NEW_SERVICE),
                        Tuple.of(5, Intent.MOVE), Tuple.of(2, Intent.CAMPAIGN)),
                Arbitraries.frequency(Tuple.of(70, QueueType.SERVICE), Tuple.of(30, QueueType.SALES)));
    }

    /** Calls, texts and emails the business starts, mostly for a campaign. */
    static InteractionArbitrary outbound() {
        return new InteractionArbitrary(
                Arbitraries.frequency(Tuple.of(60, Channel.OUTBOUND_VOICE), Tuple.of(25, Channel.SMS),
                        Tuple.of(15, Channel.EMAIL)),
                Arbitraries.frequency(Tuple.of(85, Intent.CAMPAIGN), Tuple.of(5, Intent.BILLING),
                        Tuple.of(5, Intent.PAYMENT), Tuple.of(5, Intent.TECHNICAL_SUPPORT)),
                Arbitraries.frequency(Tuple.of(40, QueueType.SERVICE), Tuple.of(60, QueueType.SALES)));
    }

    /** Every channel, the agent desktop included; campaigns among the reasons for contact. */
    static InteractionArbitrary any() {
        InteractionArbitrary any = inbound();
        any.channels = Arbitraries.frequency(
                Tuple.of(40, Channel.INBOUND_VOICE), Tuple.of(15, Channel.CHAT), Tuple.of(10, Channel.IVR),
                Tuple.of(8, Channel.WEB), Tuple.of(7, Channel.AGENT_DESKTOP), Tuple.of(10, Channel.OUTBOUND_VOICE),
                Tuple.of(5, Channel.SMS), Tuple.of(5, Channel.EMAIL));
        any.intents = Arbitraries.frequency(
                Tuple.of(14, Intent.GENERAL_INQUIRY), Tuple.of(20, Intent.BILLING),
                Tuple.of(18, Intent.TECHNICAL_SUPPORT), Tuple.of(11, Intent.PAYMENT), Tuple.of(8, Intent.COMPLAINT),
                Tuple.of(6, Intent.CANCELLATION), Tuple.of(5, Intent.UPGRADE), Tuple.of(5, Intent.NEW_SERVICE),
                Tuple.of(5, Intent.MOVE), Tuple.of(8, Intent.CAMPAIGN));
        return any;
    }

    /** Only these channels. */
    public InteractionArbitrary on(Channel... channels) {
        InteractionArbitrary c = typedClone();
        c.channels = Arbitraries.of(channels);
        return c;
    }

    /** Only these reasons for contact. */
    public InteractionArbitrary withIntent(Intent... intents) {
        InteractionArbitrary c = typedClone();
        c.intents = Arbitraries.of(intents);
        return c;
    }

    /** The customer calls to complain. */
    public InteractionArbitrary withComplaint() {
        return withIntent(Intent.COMPLAINT);
    }

    public InteractionArbitrary withSentiment(Sentiment... sentiments) {
        InteractionArbitrary c = typedClone();
        c.sentiments = Arbitraries.of(sentiments);
        return c;
    }

    /** The customer's issue is not resolved yet. */
    public InteractionArbitrary unresolved() {
        InteractionArbitrary c = typedClone();
        c.resolved = Arbitraries.just(false);
        return c;
    }

    /** The customer's issue is resolved. */
    public InteractionArbitrary resolved() {
        InteractionArbitrary c = typedClone();
        c.resolved = Arbitraries.just(true);
        return c;
    }

    public InteractionArbitrary inQueue(QueueType... queues) {
        InteractionArbitrary c = typedClone();
        c.queues = Arbitraries.of(queues);
        return c;
    }

    /** The handle time is already past the queue's target. */
    public InteractionArbitrary overHandleTime() {
        InteractionArbitrary c = typedClone();
        c.targets = Arbitraries.of(300, 420, 600);
        c.handleTimes = Arbitraries.integers().between(901, 3_600);
        return c;
    }

    /** Days from {@code first} to {@code last}, both reachable. */
    public InteractionArbitrary between(LocalDate first, LocalDate last) {
        InteractionArbitrary c = typedClone();
        int days = (int) ChronoUnit.DAYS.between(first, last);
        if (days < 0) {
            throw new IllegalArgumentException("last " + last + " is before first " + first);
        }
        c.dates = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(first, last)),
                Tuple.of(4, Arbitraries.integers().between(0, days).map(first::plusDays)));
        return c;
    }

    /** Times from 23:00 to 01:00, the exact midnight and the last second of the day included. */
    public InteractionArbitrary nearMidnight() {
        InteractionArbitrary c = typedClone();
        c.times = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(0, 86_399, 1, 86_398)),
                Tuple.of(4, Arbitraries.integers().between(-3_600, 3_599).map(s -> Math.floorMod(s, 86_400))));
        return c;
    }

    /** Days on which clocks change somewhere, at times from midnight to 04:00 when they do. */
    public InteractionArbitrary aroundDaylightSavingChanges() {
        InteractionArbitrary c = typedClone();
        c.dates = Arbitraries.of(Vocabulary.DAYLIGHT_SAVING_CHANGES);
        c.times = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(5_400, 9_000, 3_600, 7_200, 10_800)),
                Tuple.of(3, Arbitraries.integers().between(0, 4 * 3_600)));
        return c;
    }

    /** Times from {@code fromHour}:00 to {@code toHour}:59 local time, both ends reachable. */
    public InteractionArbitrary betweenHours(int fromHour, int toHour) {
        if (fromHour < 0 || toHour > 23 || toHour < fromHour) {
            throw new IllegalArgumentException("hours must satisfy 0 <= from <= to <= 23, got " + fromHour + " and " + toHour);
        }
        InteractionArbitrary c = typedClone();
        int first = fromHour * 3_600;
        int last = toHour * 3_600 + 3_599;
        c.times = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(first, last)),
                Tuple.of(4, Arbitraries.integers().between(first, last)));
        return c;
    }

    /** The zone wall-clock times are read in when these interactions are used on their own. */
    public InteractionArbitrary inTimeZone(String zoneId) {
        InteractionArbitrary c = typedClone();
        c.zone = ZoneId.of(zoneId);
        return c;
    }

    @Override
    protected Arbitrary<Interaction> arbitrary() {
        ZoneId z = zone;
        return drafts().map(d -> d.in(z)).withoutEdgeCases();
    }

    /** The interactions before they are placed in a time zone, for requests to place in their customer's. */
    Arbitrary<InteractionDraft> drafts() {
        return Combinators.combine(
                        Combinators.combine(Arbitraries.integers().between(1, 999_999), channels, intents, sentiments,
                                resolved).as(Tuple::of),
                        handleTimes, targets, queues, dates, times)
                .as((t, handle, target, queue, date, time) -> new InteractionDraft(t.get1(), t.get2(), t.get3(),
                        t.get4(), t.get5(), handle, target, queue, date, time));
    }
}
