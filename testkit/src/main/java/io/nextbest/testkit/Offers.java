package io.nextbest.testkit;

/** Where offer and catalog generators start: {@code Offers.catalogs().ofSize(1, 5)}. */
public final class Offers {
    private Offers() {
    }

    /** Offers of every kind. */
    public static OfferArbitrary any() {
        return new OfferArbitrary();
    }

    /** Catalogs of 1 to 30 offers with unique ids. */
    public static CatalogArbitrary catalogs() {
        return new CatalogArbitrary();
    }
}
