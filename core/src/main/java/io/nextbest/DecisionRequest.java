package io.nextbest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a decision is made on: who the customer is, what they bought, what they were offered
 * before, and the interaction now.
 *
 * @param customer     the customer; required
 * @param interaction  the interaction the decision is for; required
 * @param purchases    earlier purchases, in any order
 * @param contacts     earlier contacts and offers, in any order
 * @param propensities optional model scores (0 to 1) by offer id, which take precedence over the
 *                     propensities the rules estimate
 */
public record DecisionRequest(
        Customer customer,
        Interaction interaction,
        List<Purchase> purchases,
        List<Contact> contacts,
        Map<String, Double> propensities) {

    public DecisionRequest {
        Checks check = new Checks();
        check.require(customer, "customer");
        check.require(interaction, "interaction");
        purchases = check.listOf(purchases, "purchases");
        contacts = check.listOf(contacts, "contacts");
        propensities = check.mapOf(propensities, "propensities");
        for (Map.Entry<String, Double> e : propensities.entrySet()) {
            check.probability(e.getValue(), "propensities." + e.getKey());
        }
        check.done();
    }

    public static Builder builder(Customer customer, Interaction interaction) {
        return new Builder(customer, interaction);
    }

    /** A fluent way to build a request in Java. */
    public static final class Builder {
        private final Customer customer;
        private final Interaction interaction;
        private final List<Purchase> purchases = new ArrayList<>();
        private final List<Contact> contacts = new ArrayList<>();
        private final Map<String, Double> propensities = new LinkedHashMap<>();

        private Builder(Customer customer, Interaction interaction) {
            this.customer = customer;
            this.interaction = interaction;
        }

        public Builder purchase(Purchase purchase) {
            purchases.add(purchase);
            return this;
        }

        public Builder purchases(List<Purchase> purchases) {
            if (purchases != null) {
                this.purchases.addAll(purchases);
            }
            return this;
        }

        public Builder contact(Contact contact) {
            contacts.add(contact);
            return this;
        }

        public Builder contacts(List<Contact> contacts) {
            if (contacts != null) {
                this.contacts.addAll(contacts);
            }
            return this;
        }

        public Builder propensity(String offerId, double propensity) {
            propensities.put(offerId, propensity);
            return this;
        }

        /** The request. @throws InvalidRequestException naming every bad field */
        public DecisionRequest build() {
            return new DecisionRequest(customer, interaction, purchases, contacts, propensities);
        }
    }
}
