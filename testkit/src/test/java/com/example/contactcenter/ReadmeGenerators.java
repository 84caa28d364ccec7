package com.example.contactcenter;

import io.nextbest.testkit.Contacts;
import io.nextbest.testkit.Customers;
import io.nextbest.testkit.Interactions;
import io.nextbest.testkit.Offers;
import io.nextbest.testkit.Requests;
import java.util.List;
import net.jqwik.api.Arbitrary;

/**
 * The generators of the kit's README, written here as they are there so that the build compiles
 * them; {@code TestkitReadmeTest} checks that they are the README's and draws from each.
 */
final class ReadmeGenerators {
    private ReadmeGenerators() {
    }

    /** "Generators": each line of the README is an arbitrary. */
    static List<Arbitrary<?>> generators() {
        return List.of(
                Requests.inbound().fromAtRiskCustomers().withComplaint(),
                Requests.outbound().fromCustomersConsentingToEverything().betweenHours(19, 23),
                Requests.any().from(Customers.newCustomers().onDoNotCallList()).with(Contacts.histories().veryLong()),
                Interactions.inbound().nearMidnight().inTimeZone("America/Chicago"),
                Offers.catalogs().ofSize(1, 5)
        );
    }
}
