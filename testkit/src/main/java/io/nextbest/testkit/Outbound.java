package io.nextbest.testkit;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Where outbound generators start: {@code Outbound.populations().ofSize(1, 30)} and {@code Outbound.planTimes()}.
 */
public final class Outbound {
    /** The middle of the month the generators place events, histories and plan times around. */
    public static final Instant AROUND = Instant.parse("2026-11-23T00:00:00Z");

    private Outbound() {
    }

    /** Populations of customers with their opt-ins, hours, events and contact histories. */
    public static PopulationArbitrary populations() {
        return new PopulationArbitrary();
    }

    /**
     * Plan times over a week around {@link #AROUND}, at any minute of the day (so that in every time zone
     * some fall at night), and a few more than 31 days after the default policy's Do-Not-Call scrub.
     */
    public static Arbitrary<Instant> planTimes() {
        Arbitrary<Instant> week = Arbitraries.integers().between(-3 * 24 * 60, 4 * 24 * 60)
                .map(m -> AROUND.plus(Duration.ofMinutes(m)));
        Arbitrary<Instant> late = Arbitraries.integers().between(0, 3 * 24 * 60)
                .map(m -> AROUND.plus(Duration.ofDays(30)).plus(Duration.ofMinutes(m)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, week), net.jqwik.api.Tuple.of(1, late));
    }
}
