package io.nextbest;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who the customer is: the profile rules decide on.
 *
 * @param id               the customer's id in the CRM; required
 * @param segment          a marketing segment, such as {@code CONSUMER} or {@code SMALL_BUSINESS}
 * @param tenureMonths     whole months since the customer joined
 * @param region           a region, state or country code; may be empty
 * @param timeZone         the customer's time zone, for local calling hours (default UTC)
 * @param products         product codes the customer already holds
 * @param lifetimeValue    the customer's lifetime value in the business's currency, at least 0
 * @param churnRisk        the probability of leaving, 0 to 1, from any upstream model
 * @param billingStatus    where the account stands with billing (default {@code CURRENT})
 * @param consents         channels on which the customer accepts offers
 * @param preferredChannel the channel the customer prefers; may be {@code null}
 * @param doNotCall        the customer is on a Do-Not-Call list: never an outbound call
 * @param vulnerable       the customer is known to be vulnerable: no sales pressure
 * @param attributes       extra attributes rules may read, with text, number or true/false values
 */
public record Customer(
        String id,
        String segment,
        int tenureMonths,
        String region,
        ZoneId timeZone,
        Set<String> products,
        double lifetimeValue,
        double churnRisk,
        BillingStatus billingStatus,
        Set<Channel> consents,
        Channel preferredChannel,
        boolean doNotCall,
        boolean vulnerable,
        Map<String, Object> attributes) {

    public Customer {
        Checks check = new Checks();
        id = check.requireText(id, "id");
        segment = Checks.optionalText(segment, "CONSUMER");
        check.nonNegative(tenureMonths, "tenureMonths");
        region = Checks.optionalText(region, "");
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        products = check.textSetOf(products, "products");
        check.nonNegative(lifetimeValue, "lifetimeValue");
        check.probability(churnRisk, "churnRisk");
        billingStatus = billingStatus == null ? BillingStatus.CURRENT : billingStatus;
        consents = check.setOf(consents, "consents");
        attributes = check.mapOf(attributes, "attributes");
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                check.add("attributes." + e.getKey(), "must be text, a number or true/false", v);
            }
        }
        check.done();
    }

    /** True if the customer holds the product. */
    public boolean holds(String product) {
        return products.contains(product);
    }

    /** True if the customer accepts offers on the channel. */
    public boolean consentsTo(Channel channel) {
        return consents.contains(channel);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A fluent way to build a customer in Java; JSON requests map onto the record directly. */
    public static final class Builder {
        private final String id;
        private String segment;
        private int tenureMonths;
        private String region;
        private String timeZone;
        private List<String> products = List.of();
        private double lifetimeValue;
        private double churnRisk;
        private BillingStatus billingStatus;
        private List<Channel> consents = List.of();
        private Channel preferredChannel;
        private boolean doNotCall;
        private boolean vulnerable;
        private final Map<String, Object> attributes = new LinkedHashMap<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder segment(String segment) {
            this.segment = segment;
            return this;
        }

        public Builder tenureMonths(int tenureMonths) {
            this.tenureMonths = tenureMonths;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** A time zone id such as {@code America/Chicago}; checked, with every other field, by {@link #build()}. */
        public Builder timeZone(String zoneId) {
            this.timeZone = zoneId;
            return this;
        }

        public Builder products(String... products) {
            return products(products == null ? null : Arrays.asList(products));
        }

        public Builder products(Collection<String> products) {
            this.products = products == null ? List.of() : new ArrayList<>(products);
            return this;
        }

        public Builder lifetimeValue(double lifetimeValue) {
            this.lifetimeValue = lifetimeValue;
            return this;
        }

        public Builder churnRisk(double churnRisk) {
            this.churnRisk = churnRisk;
            return this;
        }

        public Builder billingStatus(BillingStatus billingStatus) {
            this.billingStatus = billingStatus;
            return this;
        }

        public Builder consents(Channel... channels) {
            return consents(channels == null ? null : Arrays.asList(channels));
        }

        public Builder consents(Collection<Channel> channels) {
            this.consents = channels == null ? List.of() : new ArrayList<>(channels);
            return this;
        }

        public Builder preferredChannel(Channel channel) {
            this.preferredChannel = channel;
            return this;
        }

        public Builder doNotCall(boolean doNotCall) {
            this.doNotCall = doNotCall;
            return this;
        }

        public Builder vulnerable(boolean vulnerable) {
            this.vulnerable = vulnerable;
            return this;
        }

        public Builder attribute(String name, Object value) {
            this.attributes.put(name, value);
            return this;
        }

        /** The customer. @throws InvalidRequestException naming every bad field */
        public Customer build() {
            // The builder's lists keep their order, so that a null element is named by its index.
            Checks check = new Checks();
            ZoneId zone = zone(check);
            Set<String> productSet = new LinkedHashSet<>(check.listOf(products, "products"));
            Set<Channel> consentSet = new LinkedHashSet<>(check.listOf(consents, "consents"));
            return check.build(() -> new Customer(id, segment, tenureMonths, region, zone, productSet,
                    lifetimeValue, churnRisk, billingStatus, consentSet, preferredChannel, doNotCall, vulnerable,
                    attributes));
        }

        private ZoneId zone(Checks check) {
            if (timeZone == null) {
                return null;
            }
            try {
                return ZoneId.of(timeZone.strip());
            } catch (DateTimeException e) {
                check.add("timeZone", "is not a known time zone", timeZone);
                return null;
            }
        }
    }
}
