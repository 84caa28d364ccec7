package io.nextbest.testkit;

import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * Offer catalogs: 1 to 30 offers with unique ids, in a fixed order. Shrinks towards a catalog of one
 * offer.
 */
public final class CatalogArbitrary extends ArbitraryDecorator<OfferCatalog> {
    private OfferArbitrary offers = new OfferArbitrary();
    private int minSize = 1;
    private int maxSize = 30;

    CatalogArbitrary() {
    }

    public CatalogArbitrary ofSize(int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("a catalog holds at least one offer: sizes must satisfy 1 <= min <= max, got "
                    + min + " and " + max);
        }
        CatalogArbitrary c = typedClone();
        c.minSize = min;
        c.maxSize = max;
        return c;
    }

    /** Catalogs of these offers. */
    public CatalogArbitrary of(OfferArbitrary offers) {
        CatalogArbitrary c = typedClone();
        c.offers = offers;
        return c;
    }

    @Override
    protected Arbitrary<OfferCatalog> arbitrary() {
        return offers.list().ofMinSize(minSize).ofMaxSize(maxSize).uniqueElements(Offer::id).map(OfferCatalog::new)
                .withoutEdgeCases();
    }
}
