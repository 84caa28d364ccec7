/**
 * Proactive outbound care: an {@link io.nextbest.outbound.OutboundPlanner} turns events (usage near the
 * allowance, an outage, a balance due, a new customer, a churn risk that rose...) into planned contacts, on
 * the customer's own channels and hours, within a contact policy and compliance rules that analysts edit as
 * tables. Each decision goes through the same rule stages and arbitration as an inbound one.
 */
package io.nextbest.outbound;
