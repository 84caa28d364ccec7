package io.nextbest;

/** Where the customer's account stands with billing and collections. */
public enum BillingStatus {
    CURRENT,
    LATE,
    COLLECTIONS
}
