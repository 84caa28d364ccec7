package io.nextbest.testkit;

/** Where purchase-history generators start: {@code Purchases.histories().veryLong()}. */
public final class Purchases {
    private Purchases() {
    }

    /** Purchase histories, from none to hundreds of purchases. */
    public static PurchaseHistoryArbitrary histories() {
        return new PurchaseHistoryArbitrary();
    }
}
