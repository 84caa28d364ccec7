package io.nextbest.outbound;

/**
 * What a proactive program is to the customer, which decides the caps it answers to and the opt-ins it
 * needs. Compliance binds both.
 */
public enum ProgramKind {
    /** Service and transactional alerts (an outage, a balance due, a fraud alert): they bypass marketing caps. */
    SERVICE,
    /** Offers the customer did not ask for (a better plan, retention): every cap applies. */
    MARKETING
}
