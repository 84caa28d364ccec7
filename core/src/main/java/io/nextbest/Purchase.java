package io.nextbest;

import java.time.LocalDate;

/**
 * One earlier purchase.
 *
 * @param product  the product code; required
 * @param category the product category, such as {@code DEVICE} or {@code PLAN}; may be empty
 * @param amount   what was paid, at least 0
 * @param date     the date of purchase; required
 * @param channel  where it was bought; may be {@code null}
 */
public record Purchase(String product, String category, double amount, LocalDate date, Channel channel) {

    public Purchase {
        product = Checks.requireText(product, "product");
        category = Checks.optionalText(category, "");
        Checks.nonNegative(amount, "amount");
        Checks.require(date, "date");
    }
}
