package io.nextbest.outbound;

import io.nextbest.InvalidRequestException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Something that happened to a customer and may start a proactive program: the rules say which.
 *
 * <p>The kinds the default pack knows: {@code USAGE_NEAR_ALLOWANCE}, {@code USAGE_OVER_ALLOWANCE}, {@code
 * OUTAGE}, {@code BALANCE_DUE}, {@code BALANCE_OVERDUE}, {@code LOAN_STATUS_CHANGED}, {@code
 * SPENDING_LIMIT_NEAR}, {@code SPENDING_LIMIT_EXCEEDED}, {@code SUSPICIOUS_ACTIVITY}, {@code RATE_CHANGE},
 * {@code NEW_CUSTOMER} and {@code CHURN_RISK_RISEN}. A kind no rule knows starts nothing.
 *
 * @param customerId the customer it happened to; required
 * @param kind       what happened, in capitals and underscores, such as {@code OUTAGE}; required
 * @param time       when it happened; required
 * @param attributes what the rules may read of it ({@code usagePercent}, {@code debt}, {@code amount}...):
 *                   text, number or true/false values, which the planner hands the rules as the customer's
 *                   attributes (an event's value wins over the customer's own)
 */
public record Event(String customerId, String kind, Instant time, Map<String, Object> attributes) {
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]*");

    public Event {
        if (customerId == null || customerId.isBlank()) {
            throw new InvalidRequestException("customerId", "is required", customerId);
        }
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new InvalidRequestException("kind", "must be capital letters, digits and underscores, such as OUTAGE",
                    kind);
        }
        if (time == null) {
            throw new InvalidRequestException("time", "is required", null);
        }
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        for (Map.Entry<String, Object> e : attributes.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                throw new InvalidRequestException("attributes." + e.getKey(), "must be text, a number or true/false", v);
            }
        }
    }

    /** The event's attribute as text, or {@code null} when it has none. */
    public String text(String name) {
        Object v = attributes.get(name);
        return v == null ? null : String.valueOf(v);
    }
}
