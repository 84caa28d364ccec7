package io.nextbest.testkit;

/**
 * Where customer generators start, as {@code net.jqwik.api.Arbitraries} is where jqwik's do:
 * {@code Customers.atRisk().settled().onDoNotCallList()}.
 */
public final class Customers {
    private Customers() {
    }

    /** Customers as a contact center meets them. */
    public static CustomerArbitrary any() {
        return new CustomerArbitrary();
    }

    /** Customers with a churn risk of at least 0.5. */
    public static CustomerArbitrary atRisk() {
        return any().atRisk();
    }

    /** Customers in their first three months. */
    public static CustomerArbitrary newCustomers() {
        return any().newCustomers();
    }

    /** Customers known to be vulnerable. */
    public static CustomerArbitrary vulnerable() {
        return any().vulnerable();
    }

    /** Customers on a Do-Not-Call list. */
    public static CustomerArbitrary onDoNotCallList() {
        return any().onDoNotCallList();
    }
}
