package io.nextbest;

import java.time.LocalDate;
import java.util.Set;

/**
 * An offer in the catalog that analysts edit.
 *
 * @param id           a unique id, such as {@code RET-LOYALTY-DISCOUNT}; required
 * @param name         a short name for people; required
 * @param kind         service, retention, sales or information; required
 * @param product      the product the offer is about; may be empty (for service and information)
 * @param category     the product's category; may be empty
 * @param channels     channels the offer may be made on; required, not empty
 * @param value        the business value of an accepted offer, above 0
 * @param validFrom    first day the offer may be made; {@code null} for no start
 * @param validTo      last day the offer may be made; {@code null} for no end
 * @param script       what the agent says or the message shows; required
 * @param program      the proactive program the offer belongs to, such as {@code retention}; required
 * @param propensity   the baseline chance of acceptance (0 to 1) before rules or models adjust it
 *                     (default 0.1)
 * @param coolDownDays days after a decline during which the offer is not made again (default 30)
 */
public record Offer(
        String id,
        String name,
        OfferKind kind,
        String product,
        String category,
        Set<Channel> channels,
        double value,
        LocalDate validFrom,
        LocalDate validTo,
        String script,
        String program,
        Double propensity,
        Integer coolDownDays) {

    public static final double DEFAULT_PROPENSITY = 0.1;
    public static final int DEFAULT_COOL_DOWN_DAYS = 30;

    public Offer {
        Checks check = new Checks();
        id = check.requireText(id, "id");
        name = check.requireText(name, "name");
        check.require(kind, "kind");
        product = Checks.optionalText(product, "");
        category = Checks.optionalText(category, "");
        channels = check.setOf(channels, "channels");
        if (channels.isEmpty()) {
            check.add("channels", "must name at least one channel", null);
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            check.add("value", "must be a number above 0", value);
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            check.add("validTo", "must not be before validFrom " + validFrom, validTo);
        }
        script = check.requireText(script, "script");
        program = check.requireText(program, "program");
        propensity = propensity == null ? DEFAULT_PROPENSITY : check.probability(propensity, "propensity");
        coolDownDays = coolDownDays == null ? DEFAULT_COOL_DOWN_DAYS : check.nonNegative(coolDownDays, "coolDownDays");
        check.done();
    }

    /** True if the offer may be made on the given day. */
    public boolean isValidOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }
}
