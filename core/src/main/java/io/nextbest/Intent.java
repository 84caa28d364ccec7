package io.nextbest;

/** The customer's reason for the contact, as classified by the IVR, the chat bot or the agent. */
public enum Intent {
    BILLING,
    PAYMENT,
    COMPLAINT,
    TECHNICAL_SUPPORT,
    CANCELLATION,
    UPGRADE,
    NEW_SERVICE,
    MOVE,
    GENERAL_INQUIRY,
    /** An outbound contact started by a campaign rather than by the customer. */
    CAMPAIGN
}
