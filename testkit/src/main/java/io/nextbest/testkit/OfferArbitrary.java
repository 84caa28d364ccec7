package io.nextbest.testkit;

import io.nextbest.Channel;
import io.nextbest.Offer;
import io.nextbest.OfferKind;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Offers as analysts write them: service and information offers without a product, retention offers
 * worth more, sales offers of a product; made on the inbound channels mostly; usually valid for ever,
 * sometimes for a window; with the default propensity and cool-down or their own. Ids start with the
 * kind ({@code SVC-12}, {@code RET-3}, {@code XS-40}, {@code INFO-7}). Shrinks towards {@code SVC-1}, a
 * service offer worth 1 on inbound voice.
 */
public final class OfferArbitrary extends ArbitraryDecorator<Offer> {
    private Arbitrary<OfferKind> kinds = Arbitraries.frequency(Tuple.of(30, OfferKind.SERVICE),
            Tuple.of(20, OfferKind.RETENTION), Tuple.of(35, OfferKind.SALES), Tuple.of(15, OfferKind.INFORMATION));
    private Arbitrary<Set<Channel>> channels = Arbitraries.of(Channel.class).set().ofMinSize(1).ofMaxSize(8)
            .map(set -> set.contains(Channel.INBOUND_VOICE) ? set : with(set, Channel.INBOUND_VOICE));
    private Arbitrary<Integer> coolDowns = Arbitraries.of(0, 1, 7, 14, 30, 45, 60, 90, 180, 365).injectNull(0.5);

    OfferArbitrary() {
    }

    public OfferArbitrary ofKind(OfferKind... kinds) {
        OfferArbitrary c = typedClone();
        c.kinds = Arbitraries.of(kinds);
        return c;
    }

    /** Offers made on exactly these channels. */
    public OfferArbitrary on(Channel... channels) {
        OfferArbitrary c = typedClone();
        c.channels = Arbitraries.just(Set.copyOf(EnumSet.copyOf(Arrays.asList(channels))));
        return c;
    }

    /** Offers with this cool-down after a decline. */
    public OfferArbitrary withCoolDownDays(int days) {
        OfferArbitrary c = typedClone();
        c.coolDowns = Arbitraries.just(days);
        return c;
    }

    @Override
    protected Arbitrary<Offer> arbitrary() {
        Arbitrary<LocalDate[]> validity = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.just(new LocalDate[2])),
                Tuple.of(2, Combinators.combine(Arbitraries.integers().between(0, Vocabulary.DAYS - 1),
                                Arbitraries.integers().between(0, 365))
                        .as((start, length) -> new LocalDate[] {Vocabulary.FIRST_DAY.plusDays(start),
                                Vocabulary.FIRST_DAY.plusDays(start + length)})));
        return Combinators.combine(
                        Arbitraries.integers().between(1, 999), kinds, Arbitraries.of(Vocabulary.PRODUCTS), channels,
                        Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(1.0)),
                                Tuple.of(9, Arbitraries.doubles().between(5, 500).ofScale(0))),
                        validity,
                        Arbitraries.doubles().between(0, 0.5).ofScale(2).injectNull(0.5),
                        coolDowns)
                .as((n, kind, product, on, value, window, propensity, coolDown) -> {
                    boolean sells = kind == OfferKind.SALES;
                    return new Offer(prefix(kind) + "-" + n, name(kind) + " " + n, kind, sells ? product.code() : "",
                            sells ? product.category() : "", on, value, window[0], window[1],
                            "Script of " + name(kind).toLowerCase() + " " + n + ".", program(kind), propensity, coolDown);
                })
                .withoutEdgeCases();
    }

    private static Set<Channel> with(Set<Channel> set, Channel channel) {
        EnumSet<Channel> more = EnumSet.copyOf(set);
        more.add(channel);
        return Set.copyOf(more);
    }

    private static String prefix(OfferKind kind) {
        return switch (kind) {
            case SERVICE -> "SVC";
            case RETENTION -> "RET";
            case SALES -> "XS";
            case INFORMATION -> "INFO";
        };
    }

    private static String name(OfferKind kind) {
        return switch (kind) {
            case SERVICE -> "Service offer";
            case RETENTION -> "Retention offer";
            case SALES -> "Sales offer";
            case INFORMATION -> "Information";
        };
    }

    private static String program(OfferKind kind) {
        return switch (kind) {
            case SERVICE -> "proactive-service";
            case RETENTION -> "retention";
            case SALES -> "cross-sell";
            case INFORMATION -> "information";
        };
    }
}
