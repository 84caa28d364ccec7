package io.nextbest.testkit;

import io.nextbest.Channel;
import io.nextbest.OfferCatalog;
import io.nextbest.Purchase;
import io.nextbest.testkit.Vocabulary.Product;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Purchase histories: a quarter of customers with none, most with a handful, a few with dozens and a
 * rare one with hundreds. Dates are days before the interaction (15 January 2026 when used on their
 * own), with the 30, 60, 90, 365 and 540-day marks and their neighbours reachable. Shrinks towards
 * the empty history; a purchase shrinks towards the first product, bought today for nothing.
 */
public final class PurchaseHistoryArbitrary extends ArbitraryDecorator<List<Purchase>> {
    private List<Product> products = Vocabulary.PRODUCTS;
    private int minSize = 0;
    private int maxSize = 250;
    private Arbitrary<Integer> ages = Arbitraries.frequencyOf(
            Tuple.of(2, Arbitraries.of(0, 1, 6, 7, 8, 29, 30, 31, 59, 60, 61, 89, 90, 91, 364, 365, 366, 539, 540, 541,
                    1094, 1095, 1096)),
            Tuple.of(5, Arbitraries.integers().between(0, 120)),
            Tuple.of(3, Arbitraries.integers().between(121, 1_500)));
    private LocalDate today = Vocabulary.TODAY;

    PurchaseHistoryArbitrary() {
    }

    /** No purchases at all. */
    public PurchaseHistoryArbitrary empty() {
        return ofSize(0, 0);
    }

    /** Between 60 and 250 purchases. */
    public PurchaseHistoryArbitrary veryLong() {
        return ofSize(60, 250);
    }

    public PurchaseHistoryArbitrary ofSize(int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("sizes must satisfy 0 <= min <= max, got " + min + " and " + max);
        }
        PurchaseHistoryArbitrary c = typedClone();
        c.minSize = min;
        c.maxSize = max;
        return c;
    }

    /** Purchases no older than {@code days} days. */
    public PurchaseHistoryArbitrary withinDays(int days) {
        PurchaseHistoryArbitrary c = typedClone();
        c.ages = Arbitraries.integers().between(0, days);
        return c;
    }

    /** Products drawn from this catalog's offers as well as the built-in ones. */
    public PurchaseHistoryArbitrary forCatalog(OfferCatalog catalog) {
        PurchaseHistoryArbitrary c = typedClone();
        c.products = Vocabulary.productsOf(catalog);
        return c;
    }

    /** The day purchases are counted back from when the histories are used on their own. */
    public PurchaseHistoryArbitrary asOf(LocalDate today) {
        PurchaseHistoryArbitrary c = typedClone();
        c.today = today;
        return c;
    }

    @Override
    protected Arbitrary<List<Purchase>> arbitrary() {
        LocalDate day = today;
        return drafts().map(list -> list.stream().map(d -> d.before(day)).toList()).withoutEdgeCases();
    }

    /** The histories before they are dated, for requests to date from their interaction. */
    Arbitrary<List<PurchaseDraft>> drafts() {
        Arbitrary<PurchaseDraft> one = Combinators.combine(
                        Arbitraries.of(products),
                        Arbitraries.frequencyOf(
                                Tuple.of(1, Arbitraries.just(0.0)),
                                Tuple.of(60, Arbitraries.doubles().between(5, 150).ofScale(2)),
                                Tuple.of(30, Arbitraries.doubles().between(150, 1_200).ofScale(2)),
                                Tuple.of(9, Arbitraries.doubles().between(1_200, 3_000).ofScale(2))),
                        ages,
                        Arbitraries.frequency(Tuple.of(40, Channel.WEB), Tuple.of(35, Channel.INBOUND_VOICE),
                                Tuple.of(10, Channel.CHAT), Tuple.of(5, Channel.AGENT_DESKTOP)).injectNull(0.1))
                .as((product, amount, days, channel) -> new PurchaseDraft(product.code(), product.category(), amount,
                        days, channel));
        return Histories.sized(one, minSize, maxSize, 25);
    }
}
