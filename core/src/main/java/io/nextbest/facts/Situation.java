package io.nextbest.facts;

import io.nextbest.BillingStatus;
import io.nextbest.Channel;
import io.nextbest.Contact;
import io.nextbest.ContactOutcome;
import io.nextbest.Customer;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.Interaction;
import io.nextbest.OfferCatalog;
import io.nextbest.Purchase;
import io.nextbest.QueueType;
import io.nextbest.Sentiment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import io.nextbest.arbitration.RuleInfo;
import io.nextbest.arbitration.Scoreboard;
import io.nextbest.catalog.CatalogIndex;
import org.drools.model.Drools;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The one fact every rule matches: a customer on an interaction, with their purchase and contact
 * history summed up, and the offers of the catalog still in play.
 *
 * <p>Conditions read its properties ({@code Situation(tenureMonths <= 3, channel == "INBOUND_VOICE")});
 * enumerated values are exposed as their names so that decision tables compare plain text.
 * Actions, marked {@link Action}, leave offers out ({@link #leaveOut}) or adjust their score
 * ({@link #forOffers}, {@link #propensity}, {@link #weight}, {@link #lever}). Every action takes the
 * rule's context ({@code drools} in a consequence), so that the decision can name the rule and its
 * table row. What the actions do is kept on the decision's {@link Scoreboard}, which arbitration reads.
 *
 * <p>A situation belongs to one decision at a time: the engine resets and reuses it.
 */
public final class Situation {
    /** The value of day counts when there is nothing to count from. */
    public static final int NEVER = 99_999;

    private final CatalogIndex index;
    private final OfferCatalog catalog;
    private final Scoreboard board;
    private final int size;
    /** Days since each of the request's purchases, counted once per decision. */
    private int[] purchaseDays = new int[16];

    private DecisionRequest request;
    private Customer customer;
    private Interaction interaction;
    private Instant now;
    private LocalDate today;
    private int localHour;
    private String localDayOfWeek;

    private int purchaseCount;
    private int daysSinceLastPurchase;
    private int purchasesLast90Days;
    private double spendLast12Months;
    private double totalSpend;

    private boolean anyOfferOutOfDate;
    private boolean holdsAnOfferedProduct;
    private boolean declinedAnOffer;

    private int contactsLast30Days;
    private int offersLast7Days;
    private int offersLast30Days;
    private int declinesLast90Days;
    private int daysSinceLastOffer;

    /** A situation for the engine to reset for each decision: the rule set's catalog, and the board its actions write. */
    public Situation(CatalogIndex index, Scoreboard board) {
        this.index = index;
        this.catalog = index.catalog();
        this.board = board;
        this.size = catalog.size();
    }

    /** Prepares this situation, and its board, for a new decision made at {@code now}. Called by the engine. */
    public void reset(DecisionRequest request, Instant now) {
        this.request = request;
        this.customer = request.customer();
        this.interaction = request.interaction();
        this.now = now;
        ZonedDateTime local = now.atZone(customer.timeZone());
        this.today = local.toLocalDate();
        this.localHour = local.getHour();
        this.localDayOfWeek = local.getDayOfWeek().name();
        board.reset(request.propensities());
        summarisePurchases();
        summariseContacts();
        summariseCatalog();
    }

    /** What the per-offer rules need to know first, so that they fire only when they have work to do. */
    private void summariseCatalog() {
        anyOfferOutOfDate = index.anyOfferOutOfDate(today);
        holdsAnOfferedProduct = false;
        for (String product : customer.products()) {
            holdsAnOfferedProduct |= index.offersOf(product) != null;
        }
        declinedAnOffer = false;
        for (Contact c : request.contacts()) {
            declinedAnOffer |= c.outcome() == ContactOutcome.DECLINED && c.offerId() != null;
        }
    }

    private void summarisePurchases() {
        purchaseCount = request.purchases().size();
        daysSinceLastPurchase = NEVER;
        purchasesLast90Days = 0;
        spendLast12Months = 0;
        totalSpend = 0;
        LocalDate yearAgo = today.minusMonths(12);
        List<Purchase> purchases = request.purchases();
        if (purchaseDays.length < purchases.size()) {
            purchaseDays = new int[purchases.size()];
        }
        long todayEpochDay = today.toEpochDay();
        for (int k = 0; k < purchases.size(); k++) {
            Purchase p = purchases.get(k);
            long days = todayEpochDay - p.date().toEpochDay();
            purchaseDays[k] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, days));
            if (days >= 0 && days < daysSinceLastPurchase) {
                daysSinceLastPurchase = (int) days;
            }
            if (days >= 0 && days <= 90) {
                purchasesLast90Days++;
            }
            if (!p.date().isBefore(yearAgo) && days >= 0) {
                spendLast12Months += p.amount();
            }
            totalSpend += p.amount();
        }
    }

    private void summariseContacts() {
        contactsLast30Days = 0;
        offersLast7Days = 0;
        offersLast30Days = 0;
        declinesLast90Days = 0;
        daysSinceLastOffer = NEVER;
        for (Contact c : request.contacts()) {
            long days = daysAgo(c.time());
            if (days <= 30) {
                contactsLast30Days++;
            }
            if (c.hadOffer()) {
                if (days <= 7) {
                    offersLast7Days++;
                }
                if (days <= 30) {
                    offersLast30Days++;
                }
                if (days < daysSinceLastOffer) {
                    daysSinceLastOffer = (int) days;
                }
                if (c.outcome() == ContactOutcome.DECLINED && days <= 90) {
                    declinesLast90Days++;
                }
            }
        }
    }

    /**
     * Whole days between a contact and now. A contact stamped after the decision time (clocks of
     * different systems disagree by seconds or minutes) counts as happening now, so that a decline
     * recorded a moment ago still suppresses the offer.
     */
    private long daysAgo(Instant time) {
        return Math.max(0, Math.floorDiv(now.getEpochSecond() - time.getEpochSecond(), 86_400L));
    }

    // ---------------------------------------------------------------- the customer

    public String getCustomerId() {
        return customer.id();
    }

    public String getSegment() {
        return customer.segment();
    }

    @Range(min = 0)
    public int getTenureMonths() {
        return customer.tenureMonths();
    }

    public String getRegion() {
        return customer.region();
    }

    @Range(min = 0)
    public double getLifetimeValue() {
        return customer.lifetimeValue();
    }

    @Range(min = 0, max = 1)
    public double getChurnRisk() {
        return customer.churnRisk();
    }

    /** {@code CURRENT}, {@code LATE} or {@code COLLECTIONS}. */
    @OneOf(BillingStatus.class)
    public String getBillingStatus() {
        return customer.billingStatus().name();
    }

    public boolean isDoNotCall() {
        return customer.doNotCall();
    }

    public boolean isVulnerable() {
        return customer.vulnerable();
    }

    /** The customer's preferred channel, or an empty text if they named none. */
    @OneOf(Channel.class)
    public String getPreferredChannel() {
        Channel preferred = customer.preferredChannel();
        return preferred == null ? "" : preferred.name();
    }

    /** True if this interaction is on the customer's preferred channel. */
    public boolean isOnPreferredChannel() {
        return customer.preferredChannel() == interaction.channel();
    }

    /** True if the customer accepts offers on this interaction's channel. */
    public boolean isConsented() {
        return customer.consentsTo(interaction.channel());
    }

    @Range(min = 0)
    public int getProductCount() {
        return customer.products().size();
    }

    /** True if the customer holds the product. */
    public boolean holds(String product) {
        return customer.holds(product);
    }

    /** An extra attribute of the customer, or {@code null}. */
    public Object attribute(String name) {
        return customer.attributes().get(name);
    }

    /** An extra attribute as a number; 0 when it is missing or not a number. */
    public double number(String name) {
        Object value = customer.attributes().get(name);
        return value instanceof Number n ? n.doubleValue() : 0.0;
    }

    /** An extra attribute as text; empty when it is missing. */
    public String text(String name) {
        Object value = customer.attributes().get(name);
        return value == null ? "" : value.toString();
    }

    /** An extra attribute as true/false; false when it is missing. */
    public boolean flag(String name) {
        Object value = customer.attributes().get(name);
        return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(value.toString());
    }

    // ---------------------------------------------------------------- the interaction

    /** The interaction's channel, such as {@code INBOUND_VOICE}. */
    @OneOf(Channel.class)
    public String getChannel() {
        return interaction.channel().name();
    }

    public boolean isInbound() {
        return interaction.channel().isInbound();
    }

    public boolean isOutbound() {
        return interaction.channel().isOutbound();
    }

    /** The reason for contact, such as {@code COMPLAINT}. */
    @OneOf(Intent.class)
    public String getIntent() {
        return interaction.intent().name();
    }

    /** {@code POSITIVE}, {@code NEUTRAL} or {@code NEGATIVE}. */
    @OneOf(Sentiment.class)
    public String getSentiment() {
        return interaction.sentiment().name();
    }

    public boolean isResolved() {
        return interaction.resolved();
    }

    @Range(min = 0)
    public int getHandleTimeSeconds() {
        return interaction.handleTimeSeconds();
    }

    @Range(min = 1)
    public int getTargetHandleTimeSeconds() {
        return interaction.targetHandleTimeSeconds();
    }

    /** The handle time so far as a share of the target: 1.0 is on target. */
    @Range(min = 0)
    public double getHandleTimeRatio() {
        return (double) interaction.handleTimeSeconds() / interaction.targetHandleTimeSeconds();
    }

    public boolean isOverHandleTime() {
        return interaction.handleTimeSeconds() > interaction.targetHandleTimeSeconds();
    }

    /** {@code SERVICE} or {@code SALES}. */
    @OneOf(QueueType.class)
    public String getQueue() {
        return interaction.queue().name();
    }

    /** The hour of day (0 to 23) in the customer's time zone. */
    @Range(min = 0, max = 23)
    public int getLocalHour() {
        return localHour;
    }

    /** The day of week in the customer's time zone, such as {@code MONDAY}. */
    @OneOf(java.time.DayOfWeek.class)
    public String getLocalDayOfWeek() {
        return localDayOfWeek;
    }

    // ---------------------------------------------------------------- purchase history

    @Range(min = 0)
    public int getPurchaseCount() {
        return purchaseCount;
    }

    /** Days since the latest purchase; {@link #NEVER} if there is none. */
    @Range(min = 0)
    public int getDaysSinceLastPurchase() {
        return daysSinceLastPurchase;
    }

    @Range(min = 0)
    public int getPurchasesLast90Days() {
        return purchasesLast90Days;
    }

    @Range(min = 0)
    public double getSpendLast12Months() {
        return spendLast12Months;
    }

    @Range(min = 0)
    public double getTotalSpend() {
        return totalSpend;
    }

    /** Days since the latest purchase in the category; {@link #NEVER} if there is none. */
    @Range(min = 0)
    public int daysSinceLastPurchaseIn(String category) {
        int best = NEVER;
        List<Purchase> purchases = request.purchases();
        for (int k = 0; k < purchases.size(); k++) {
            if (purchases.get(k).category().equalsIgnoreCase(category)) {
                int days = purchaseDays[k];
                if (days >= 0 && days < best) {
                    best = days;
                }
            }
        }
        return best;
    }

    /** True if the customer bought in the category within the last {@code days} days. */
    public boolean boughtWithin(String category, int days) {
        return daysSinceLastPurchaseIn(category) <= days;
    }

    // ---------------------------------------------------------------- the catalog against this customer

    /** True if some offer of the catalog is outside its validity dates today. */
    public boolean isAnyOfferOutOfDate() {
        return anyOfferOutOfDate;
    }

    /** True if the customer holds the product of some offer of the catalog. */
    public boolean isHoldsAnOfferedProduct() {
        return holdsAnOfferedProduct;
    }

    /** True if the customer has ever declined an offer. */
    public boolean isDeclinedAnOffer() {
        return declinedAnOffer;
    }

    // ---------------------------------------------------------------- contact history

    @Range(min = 0)
    public int getContactsLast30Days() {
        return contactsLast30Days;
    }

    @Range(min = 0)
    public int getOffersLast7Days() {
        return offersLast7Days;
    }

    @Range(min = 0)
    public int getOffersLast30Days() {
        return offersLast30Days;
    }

    @Range(min = 0)
    public int getDeclinesLast90Days() {
        return declinesLast90Days;
    }

    /** Days since an offer was last made; {@link #NEVER} if none was. */
    @Range(min = 0)
    public int getDaysSinceLastOffer() {
        return daysSinceLastOffer;
    }

    // ---------------------------------------------------------------- actions: leave offers out

    /**
     * Leaves out the offers the target names ({@code kind SALES}, {@code program welcome}, ...). A target
     * that names {@code all} or a kind makes the rule a policy for the whole interaction, which a
     * no-offer's headline tells before the fate of single offers.
     */
    @Action(value = Action.Effect.LEAVE_OUT, target = true)
    public void leaveOut(RuleContext drools, String target) {
        CatalogIndex.Target offers = index.target(target);
        board.leaveOut(offers.offers(), board.rule(drools.getRule()), offers.policy());
    }

    /** The same, from a rule of the executable model. */
    @Action(value = Action.Effect.LEAVE_OUT, target = true)
    public void leaveOut(Drools drools, String target) {
        leaveOut((RuleContext) drools, target);
    }

    /** Leaves out every offer: a policy for the whole interaction. */
    @Action(Action.Effect.LEAVE_OUT)
    public void leaveOutAll(RuleContext drools) {
        board.leaveOut(null, board.rule(drools.getRule()), true);
    }

    @Action(Action.Effect.LEAVE_OUT)
    public void leaveOutAll(Drools drools) {
        leaveOutAll((RuleContext) drools);
    }

    /** Leaves out offers that may not be made on this interaction's channel. */
    @Action(Action.Effect.LEAVE_OUT)
    public void leaveOutOffersNotForThisChannel(RuleContext drools) {
        RuleInfo rule = board.rule(drools.getRule());
        Channel channel = interaction.channel();
        for (int i = 0; i < size; i++) {
            if (!catalog.get(i).channels().contains(channel)) {
                board.leaveOut(i, rule);
            }
        }
    }

    @Action(Action.Effect.LEAVE_OUT)
    public void leaveOutOffersNotForThisChannel(Drools drools) {
        leaveOutOffersNotForThisChannel((RuleContext) drools);
    }

    /** Leaves out offers outside their validity dates, in the customer's local date. */
    @Action(Action.Effect.LEAVE_OUT)
    public void leaveOutOffersOutOfDate(RuleContext drools) {
        RuleInfo rule = board.rule(drools.getRule());
        for (int i = 0; i < size; i++) {
            if (!catalog.get(i).isValidOn(today)) {
                board.leaveOut(i, rule);
            }
        }
    }

    @Action(Action.Effect.LEAVE_OUT)
    public void leaveOutOffersOutOfDate(Drools drools) {
        leaveOutOffersOutOfDate((RuleContext) drools);
    }

    /** Leaves out offers of a product the customer already holds. */
    @Action(Action.Effect.LEAVE_OUT)
    public void leaveOutHeldProducts(RuleContext drools) {
        RuleInfo rule = board.rule(drools.getRule());
        for (String product : customer.products()) {
            int[] offers = index.offersOf(product);
            if (offers != null) {
                for (int i : offers) {
                    board.leaveOut(i, rule);
                }
            }
        }
    }

    @Action(Action.Effect.LEAVE_OUT)
    public void leaveOutHeldProducts(Drools drools) {
        leaveOutHeldProducts((RuleContext) drools);
    }

    /** Leaves out offers the customer declined within each offer's cool-down. */
    @Action(Action.Effect.LEAVE_OUT)
    public void leaveOutDeclinedInCoolDown(RuleContext drools) {
        RuleInfo rule = null;
        for (Contact c : request.contacts()) {
            if (c.outcome() != ContactOutcome.DECLINED || c.offerId() == null) {
                continue;
            }
            int i = catalog.indexOf(c.offerId());
            if (i < 0) {
                continue;
            }
            long days = daysAgo(c.time());
            if (days < catalog.get(i).coolDownDays()) {
                if (rule == null) {
                    rule = board.rule(drools.getRule());
                }
                board.leaveOut(i, rule);
            }
        }
    }

    @Action(Action.Effect.LEAVE_OUT)
    public void leaveOutDeclinedInCoolDown(Drools drools) {
        leaveOutDeclinedInCoolDown((RuleContext) drools);
    }

    /** Leaves out offers of a product the customer bought within the last {@code days} days. */
    @Action(Action.Effect.LEAVE_OUT)
    public void leaveOutProductsBoughtWithin(RuleContext drools, @Range(min = 0) int days) {
        RuleInfo rule = null;
        List<Purchase> purchases = request.purchases();
        for (int k = 0; k < purchases.size(); k++) {
            Purchase p = purchases.get(k);
            long ago = purchaseDays[k];
            if (ago < 0 || ago > days) {
                continue;
            }
            for (int i = 0; i < size; i++) {
                if (catalog.get(i).product().equalsIgnoreCase(p.product())) {
                    if (rule == null) {
                        rule = board.rule(drools.getRule());
                    }
                    board.leaveOut(i, rule);
                }
            }
        }
    }

    @Action(Action.Effect.LEAVE_OUT)
    public void leaveOutProductsBoughtWithin(Drools drools, @Range(min = 0) int days) {
        leaveOutProductsBoughtWithin((RuleContext) drools, days);
    }

    // ---------------------------------------------------------------- actions: arbitration

    /**
     * Chooses the offers the following {@link #propensity}, {@link #weight} and {@link #lever} calls
     * of the same rule apply to. Without it, they apply to every offer.
     */
    @Action(value = Action.Effect.SELECT, target = true)
    public void forOffers(RuleContext drools, String target) {
        board.select(drools.getRule(), index.offers(target));
    }

    @Action(value = Action.Effect.SELECT, target = true)
    public void forOffers(Drools drools, String target) {
        forOffers((RuleContext) drools, target);
    }

    /** Sets the propensity (0 to 1) of the chosen offers, unless a model score came with the request. */
    @Action(Action.Effect.SET)
    public void propensity(RuleContext drools, @Range(min = 0, max = 1) double value) {
        board.setPropensity(drools.getRule(), value);
    }

    @Action(Action.Effect.SET)
    public void propensity(Drools drools, @Range(min = 0, max = 1) double value) {
        propensity((RuleContext) drools, value);
    }

    /** Multiplies the context weight of the chosen offers by {@code factor}. */
    @Action(Action.Effect.MULTIPLY)
    public void weight(RuleContext drools, @Range(min = 0) double factor) {
        board.multiplyWeight(drools.getRule(), factor);
    }

    @Action(Action.Effect.MULTIPLY)
    public void weight(Drools drools, @Range(min = 0) double factor) {
        weight((RuleContext) drools, factor);
    }

    /** Multiplies the business lever of the chosen offers by {@code factor}. */
    @Action(Action.Effect.MULTIPLY)
    public void lever(RuleContext drools, @Range(min = 0) double factor) {
        board.multiplyLever(drools.getRule(), factor);
    }

    @Action(Action.Effect.MULTIPLY)
    public void lever(Drools drools, @Range(min = 0) double factor) {
        lever((RuleContext) drools, factor);
    }

    // ---------------------------------------------------------------- read by the engine

    /** The request being decided. */
    public DecisionRequest request() {
        return request;
    }

    /** The time the decision is made for. */
    public Instant now() {
        return now;
    }

    @Override
    public String toString() {
        return "Situation[customer=" + (customer == null ? "-" : customer.id()) + ", channel="
                + (interaction == null ? "-" : interaction.channel()) + "]";
    }
}
