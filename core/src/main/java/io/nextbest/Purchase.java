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
        Checks check = new Checks();
        product = check.requireText(product, "product");
        category = Checks.optionalText(category, "");
        check.nonNegative(amount, "amount");
        check.require(date, "date");
        check.done();
    }

    /** A purchase of {@code product} on {@code date}: {@code Purchase.builder("FIBER_1G", day).amount(59.99).build()}. */
    public static Builder builder(String product, LocalDate date) {
        return new Builder(product, date);
    }

    /** A fluent way to build a purchase in Java. */
    public static final class Builder {
        private final String product;
        private final LocalDate date;
        private String category;
        private double amount;
        private Channel channel;

        private Builder(String product, LocalDate date) {
            this.product = product;
            this.date = date;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder amount(double amount) {
            this.amount = amount;
            return this;
        }

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        /** The purchase. @throws InvalidRequestException naming every bad field */
        public Purchase build() {
            return new Purchase(product, category, amount, date, channel);
        }
    }
}
