package io.nextbest.testkit;

import io.nextbest.Contact;
import io.nextbest.Customer;
import io.nextbest.DecisionRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Requests that differ from another in one thing. */
final class Copies {
    private Copies() {
    }

    static DecisionRequest withCustomer(DecisionRequest r, Customer c) {
        return new DecisionRequest(c, r.interaction(), r.purchases(), r.contacts(), r.propensities());
    }

    static DecisionRequest holding(DecisionRequest r, String product) {
        Customer c = r.customer();
        Set<String> products = new HashSet<>(c.products());
        products.add(product);
        return withCustomer(r, new Customer(c.id(), c.segment(), c.tenureMonths(), c.region(), c.timeZone(), products,
                c.lifetimeValue(), c.churnRisk(), c.billingStatus(), c.consents(), c.preferredChannel(), c.doNotCall(),
                c.vulnerable(), c.attributes()));
    }

    static DecisionRequest withAttribute(DecisionRequest r, String name, Object value) {
        Customer c = r.customer();
        Map<String, Object> attributes = new LinkedHashMap<>(c.attributes());
        attributes.put(name, value);
        return withCustomer(r, new Customer(c.id(), c.segment(), c.tenureMonths(), c.region(), c.timeZone(),
                c.products(), c.lifetimeValue(), c.churnRisk(), c.billingStatus(), c.consents(), c.preferredChannel(),
                c.doNotCall(), c.vulnerable(), attributes));
    }

    static DecisionRequest withContact(DecisionRequest r, Contact contact) {
        List<Contact> contacts = new ArrayList<>(r.contacts());
        contacts.add(contact);
        return new DecisionRequest(r.customer(), r.interaction(), r.purchases(), contacts, r.propensities());
    }
}
