package io.nextbest;

/**
 * A channel of contact. The channel of an interaction is where an offer would be made; the
 * customer's consents name the channels on which they accept offers at all.
 */
public enum Channel {
    INBOUND_VOICE,
    OUTBOUND_VOICE,
    IVR,
    CHAT,
    WEB,
    AGENT_DESKTOP,
    SMS,
    EMAIL;

    /** True for channels on which the customer started the contact. */
    public boolean isInbound() {
        return this == INBOUND_VOICE || this == IVR || this == CHAT || this == WEB;
    }

    /** True for channels on which the business reaches out first. */
    public boolean isOutbound() {
        return this == OUTBOUND_VOICE || this == SMS || this == EMAIL;
    }
}
