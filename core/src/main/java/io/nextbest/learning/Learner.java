package io.nextbest.learning;

import io.nextbest.ContactOutcome;
import io.nextbest.DecisionRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Propensities learned from outcomes: one online model per offer, over the {@link Predictors} a pack
 * declares, updated one outcome at a time.
 *
 * <p>Why online logistic regression rather than naive Bayes over binned predictors: the predictors of a
 * contact center's customers move together (a bank's economic indicators, a telco's bundle of services),
 * and naive Bayes counts such evidence once per predictor, so its propensities are far too sure. Arbitration
 * multiplies the propensity by value and lever, so it must be a probability, not only a rank: a logistic
 * regression shares the evidence between predictors that carry the same signal, and its output is one.
 *
 * <p><b>Cold start.</b> The rules' propensity counts as {@value #PRIOR_OUTCOMES} outcomes: the estimate is
 * {@code (100 x rules + n x model) / (100 + n)} after {@code n} outcomes, so a new offer starts where the
 * rules put it and the model takes over as it learns. <b>Exploration.</b> {@link #estimate} draws the
 * propensity from a Beta distribution around that estimate with {@code 100 + n} outcomes behind it
 * (Thompson sampling): a new offer's draws range widely and sometimes win, an offer with thousands of
 * outcomes draws close to its estimate. The draw is seeded from the decision id and the offer, so a
 * decision is reproducible.
 *
 * <p><b>Threads.</b> Any number of threads may estimate and learn at once. Estimates read immutable
 * snapshots and never wait; outcomes for one offer take turns. The same outcomes in the same order
 * give the same models, and so the same decisions.
 */
public final class Learner {
    /** How many outcomes the rules' propensity is worth. */
    public static final int PRIOR_OUTCOMES = 100;

    private final Predictors predictors;
    private final ConcurrentHashMap<String, OnlineModel> models = new ConcurrentHashMap<>();
    private final AtomicLong decisions = new AtomicLong();
    private final AtomicLong explored = new AtomicLong();
    private final AtomicLong learned = new AtomicLong();

    private Learner(Predictors predictors) {
        this.predictors = Objects.requireNonNull(predictors, "predictors");
    }

    /** A learner with no evidence yet: every estimate is the rules'. */
    public static Learner of(Predictors predictors) {
        return new Learner(predictors);
    }

    /**
     * A learner with the models {@link #save} wrote.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it (including models saved
     *                                  with other predictors)
     */
    public static Learner restore(Path file, Predictors predictors) {
        return of(predictors, ModelFile.read(file, predictors));
    }

    /**
     * A learner with the models {@link #saveText()} wrote, kept where a file cannot be: in a database's
     * text column, for one.
     *
     * @param source names where the text came from, in the error
     * @throws IllegalArgumentException naming the source and what is wrong with the text (including models
     *                                  saved with other predictors)
     */
    public static Learner restoreText(String source, String text, Predictors predictors) {
        return of(predictors, ModelFile.parse(Objects.requireNonNull(source, "source"),
                Objects.requireNonNull(text, "text"), predictors));
    }

    private static Learner of(Predictors predictors, Map<String, OnlineModel.State> states) {
        Learner learner = new Learner(predictors);
        states.forEach((offer, state) -> learner.models.put(offer, new OnlineModel(predictors, state)));
        return learner;
    }

    /** Writes every model to the file, whole or not at all (a new file moved over the old one). */
    public void save(Path file) {
        ModelFile.write(file, predictors, states());
    }

    /**
     * Every model as the text {@link #save(Path)} writes to a file. Each model is copied under its own lock,
     * between two of its outcomes; estimates do not wait.
     */
    public String saveText() {
        return ModelFile.text(predictors, states());
    }

    /** How many outcomes the learner has learned since it was made or restored: has it changed since a save? */
    public long learned() {
        return learned.get();
    }

    private Map<String, OnlineModel.State> states() {
        Map<String, OnlineModel.State> states = new TreeMap<>();
        models.forEach((offer, model) -> states.put(offer, model.state()));
        return states;
    }

    public Predictors predictors() {
        return predictors;
    }

    /**
     * The offer's propensity for the request.
     *
     * @param rulesPropensity the rules' estimate, the prior
     * @param decisionId      seeds the Thompson draw
     */
    public Propensity estimate(DecisionRequest request, String offerId, double rulesPropensity, String decisionId) {
        OnlineModel model = models.get(offerId);
        OnlineModel.Snapshot s = model == null ? null : model.snapshot();
        long n = s == null ? 0 : s.evidence();
        double mean = n == 0 ? rulesPropensity
                : (PRIOR_OUTCOMES * rulesPropensity + n * model.estimate(s, request)) / (PRIOR_OUTCOMES + n);
        return new Propensity(Thompson.draw(mean, PRIOR_OUTCOMES + n, decisionId, offerId), mean, n);
    }

    /**
     * Learns what became of an offer made on a request: accepted is a success; declined and ignored are not.
     */
    public void learn(DecisionRequest request, String offerId, ContactOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        learn(request, offerId, outcome == ContactOutcome.ACCEPTED);
    }

    /** Learns whether an offer made on a request was taken. */
    public void learn(DecisionRequest request, String offerId, boolean accepted) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(offerId, "offerId");
        models.computeIfAbsent(offerId, id -> new OnlineModel(predictors)).learn(request, accepted);
        learned.incrementAndGet();
    }

    /**
     * Counts a decision that used learned propensities; {@code explored} if the draws chose otherwise than
     * the estimates would have (another offer, or an offer instead of none, or none instead of one).
     */
    public void countDecision(boolean explored) {
        decisions.incrementAndGet();
        if (explored) {
            this.explored.incrementAndGet();
        }
    }

    /** What each model has learned, and how well it ranks its latest outcomes. */
    public Health health() {
        List<ModelHealth> list = new ArrayList<>();
        new TreeMap<>(models).forEach((offer, model) -> list.add(ModelHealth.of(offer, predictors, model)));
        long d = decisions.get();
        long e = explored.get();
        return new Health(d, e, d == 0 ? 0 : (double) e / d, list);
    }

    /**
     * The learner's health.
     *
     * @param decisions     decisions that used learned propensities
     * @param explored      of those, the decisions the Thompson draws changed
     * @param exploredShare explored / decisions
     * @param models        one per offer that has learned, in offer order
     */
    public record Health(long decisions, long explored, double exploredShare, List<ModelHealth> models) {
    }
}
