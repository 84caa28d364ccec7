package io.nextbest.testkit;

/**
 * Where request generators start:
 *
 * <pre>{@code
 * Arbitrary<DecisionRequest> callers = Requests.inbound()
 *         .fromAtRiskCustomers()
 *         .withComplaint()
 *         .forCatalog(engine.catalog());
 * }</pre>
 */
public final class Requests {
    private Requests() {
    }

    /** Requests on every channel, inbound and outbound, in plausible proportions. */
    public static RequestArbitrary any() {
        return new RequestArbitrary(Interactions.any());
    }

    /** Requests on calls, chats, IVR and web sessions the customer started. */
    public static RequestArbitrary inbound() {
        return new RequestArbitrary(Interactions.inbound());
    }

    /** Requests on calls, texts and emails the business starts. */
    public static RequestArbitrary outbound() {
        return new RequestArbitrary(Interactions.outbound());
    }
}
