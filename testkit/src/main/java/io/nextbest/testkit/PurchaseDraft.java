package io.nextbest.testkit;

import io.nextbest.Channel;
import io.nextbest.Purchase;
import java.time.LocalDate;

/** A purchase some days before a day that the request decides. */
record PurchaseDraft(String product, String category, double amount, int daysAgo, Channel channel) {

    Purchase before(LocalDate today) {
        return new Purchase(product, category, amount, today.minusDays(daysAgo), channel);
    }
}
