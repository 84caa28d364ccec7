package io.nextbest.benchmarks.straightforward;

import io.nextbest.BillingStatus;
import io.nextbest.Channel;
import io.nextbest.Contact;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.DecisionRequest;
import io.nextbest.Purchase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The customer of one decision, with their purchase and contact history summed up. */
public final class CustomerFact {
    /** The value of day counts when there is nothing to count from. */
    public static final int NEVER = 99_999;

    private final Customer customer;
    private int purchasesLast90Days;
    private int daysSinceDevicePurchase = NEVER;
    private double spendLast12Months;
    private int offersLast7Days;
    private int offersLast30Days;
    private int declinesLast90Days;
    private final Map<String, Integer> daysSinceDeclined = new HashMap<>();

    public CustomerFact(DecisionRequest request, Instant now, LocalDate today) {
        this.customer = request.customer();
        LocalDate yearAgo = today.minusMonths(12);
        for (Purchase p : request.purchases()) {
            long days = today.toEpochDay() - p.date().toEpochDay();
            if (days < 0) {
                continue;
            }
            if (days <= 90) {
                purchasesLast90Days++;
            }
            if (!p.date().isBefore(yearAgo)) {
                spendLast12Months += p.amount();
            }
            if (p.category().equalsIgnoreCase("DEVICE") && days < daysSinceDevicePurchase) {
                daysSinceDevicePurchase = (int) days;
            }
        }
        for (Contact c : request.contacts()) {
            long days = Math.floorDiv(now.getEpochSecond() - c.time().getEpochSecond(), 86_400L);
            if (days < 0 || !c.hadOffer()) {
                continue;
            }
            if (days <= 7) {
                offersLast7Days++;
            }
            if (days <= 30) {
                offersLast30Days++;
            }
            if (c.outcome() == ContactOutcome.DECLINED) {
                if (days <= 90) {
                    declinesLast90Days++;
                }
                daysSinceDeclined.merge(c.offerId(), (int) days, Math::min);
            }
        }
    }

    public String getId() {
        return customer.id();
    }

    public int getTenureMonths() {
        return customer.tenureMonths();
    }

    public String getRegion() {
        return customer.region();
    }

    public double getLifetimeValue() {
        return customer.lifetimeValue();
    }

    public double getChurnRisk() {
        return customer.churnRisk();
    }

    public BillingStatus getBillingStatus() {
        return customer.billingStatus();
    }

    public Set<String> getProducts() {
        return customer.products();
    }

    public Set<Channel> getConsents() {
        return customer.consents();
    }

    public Channel getPreferredChannel() {
        return customer.preferredChannel();
    }

    public boolean isDoNotCall() {
        return customer.doNotCall();
    }

    public boolean isVulnerable() {
        return customer.vulnerable();
    }

    /** The share of their allowance the customer has used, in percent; 0 when unknown. */
    public double getUsagePercent() {
        return number("usagePercent");
    }

    public double getAge() {
        return number("age");
    }

    public boolean isPaperBilling() {
        return flag("paperBilling");
    }

    public boolean isOutageAffected() {
        return flag("outageAffected");
    }

    /** True for a contact the outbound planner planned from an event. */
    public boolean isPlanned() {
        return flag("planned");
    }

    public int getPurchasesLast90Days() {
        return purchasesLast90Days;
    }

    /** Days since the latest device purchase; {@link #NEVER} if there is none. */
    public int getDaysSinceDevicePurchase() {
        return daysSinceDevicePurchase;
    }

    public double getSpendLast12Months() {
        return spendLast12Months;
    }

    public int getOffersLast7Days() {
        return offersLast7Days;
    }

    public int getOffersLast30Days() {
        return offersLast30Days;
    }

    public int getDeclinesLast90Days() {
        return declinesLast90Days;
    }

    /** Days since the customer last declined the offer; {@link #NEVER} if they never did. */
    public int daysSinceDeclined(String offerId) {
        return daysSinceDeclined.getOrDefault(offerId, NEVER);
    }

    private double number(String name) {
        return customer.attributes().get(name) instanceof Number n ? n.doubleValue() : 0.0;
    }

    private boolean flag(String name) {
        Object value = customer.attributes().get(name);
        return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString());
    }
}
