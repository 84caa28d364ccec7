package io.nextbest.testkit;

/** Where interaction generators start: {@code Interactions.inbound().withComplaint().nearMidnight()}. */
public final class Interactions {
    private Interactions() {
    }

    /** Every channel, every intent, in plausible proportions. */
    public static InteractionArbitrary any() {
        return InteractionArbitrary.any();
    }

    /** Voice calls, chats, IVR and web sessions the customer started. */
    public static InteractionArbitrary inbound() {
        return InteractionArbitrary.inbound();
    }

    /** Calls, texts and emails the business starts, mostly for campaigns. */
    public static InteractionArbitrary outbound() {
        return InteractionArbitrary.outbound();
    }
}
