package io.nextbest.benchmarks.straightforward;

import io.nextbest.Decision;
import io.nextbest.DecisionRequest;
import io.nextbest.NextBest;
import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import io.nextbest.RulePack;
import io.nextbest.Stage;
import io.nextbest.arbitration.Arbitrator;
import io.nextbest.arbitration.RuleInfo;
import io.nextbest.arbitration.Scores;
import io.nextbest.benchmarks.Decider;
import io.nextbest.benchmarks.Explanations;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.StatelessKieSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default pack as a first Drools design usually writes it: one fact per offer of the catalog, plus
 * the customer and the interaction; rules of each stage join the offer fact with them and modify it;
 * an {@code accumulate} picks the best; a new stateless session decides each request. It makes the
 * same decisions as the pack ({@code SameDecisionsTest}) and is here to be measured against.
 */
public final class StraightforwardEngine implements Decider {
    /** Where the rules are written; decisions name it as the source of every left-out reason. */
    public static final String RULES = "io/nextbest/benchmarks/straightforward/offers.drl";
    private static final double MINIMUM_PRIORITY = NextBest.DEFAULT_MINIMUM_PRIORITY;
    private static final String RULE_SET = "straightforward";

    private final OfferCatalog catalog;
    private final Arbitrator arbitrator;
    /** The rules as decisions report them, by stage and name: see {@link OfferFact#leaveOut}. */
    private final Map<String, RuleInfo> rules = new ConcurrentHashMap<>();
    private final Clock clock;
    private final KieBase kieBase;

    public StraightforwardEngine(RulePack defaultPack, Clock clock) {
        this.catalog = Explanations.catalog(defaultPack);
        this.arbitrator = new Arbitrator(catalog, NextBest.DEFAULT_MAX_OFFERS, MINIMUM_PRIORITY);
        this.clock = clock;
        this.kieBase = compile();
    }

    private static KieBase compile() {
        byte[] drl;
        try (InputStream in = StraightforwardEngine.class.getClassLoader().getResourceAsStream(RULES)) {
            if (in == null) {
                throw new IllegalStateException(RULES + " is not on the class path");
            }
            drl = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RULES, e);
        }
        KieServices ks = KieServices.Factory.get();
        ReleaseId releaseId = ks.newReleaseId("io.nextbest.benchmarks", "straightforward-" + System.nanoTime(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        kfs.write("src/main/resources/" + RULES, drl);
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(RULES + " does not compile: " + errors);
        }
        try {
            return ks.newKieContainer(releaseId).getKieBase();
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    @Override
    public Decision decide(DecisionRequest request) {
        Instant now = request.interaction().time() != null ? request.interaction().time() : clock.instant();
        ZonedDateTime local = now.atZone(request.customer().timeZone());
        Object[] facts = new Object[catalog.size() + 2];
        facts[0] = new CustomerFact(request, now, local.toLocalDate());
        facts[1] = new InteractionFact(request.interaction(), local);
        Map<String, Double> models = request.propensities();
        OfferFact[] offers = new OfferFact[catalog.size()];
        for (int i = 0; i < offers.length; i++) {
            Offer offer = catalog.get(i);
            offers[i] = new OfferFact(i, offer, models.get(offer.id()), rules);
            facts[i + 2] = offers[i];
        }
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal("minimumPriority", MINIMUM_PRIORITY);
        session.execute(Arrays.asList(facts));
        return decision(request, now, offers);
    }

    /**
     * Reads the decision off the offer facts the rules left behind, with the library's arbitration, so
     * that its words are written as the library writes them. The rules' own choice (an accumulate over
     * the offers in play) must agree: {@code SameDecisionsTest} compares the offers chosen.
     */
    private Decision decision(DecisionRequest request, Instant now, OfferFact[] offers) {
        Scores scores = new Scores() {
            @Override
            public RuleInfo leftOutBy(int offer) {
                // Offers under the minimum priority are the arbitrator's to leave out, as in the library.
                RuleInfo rule = offers[offer].getLeftOut();
                return rule == null || rule.stage() == Stage.ARBITRATION ? null : rule;
            }

            @Override
            public double propensityOf(int offer) {
                return offers[offer].getPropensity();
            }

            @Override
            public double weightOf(int offer) {
                return offers[offer].getWeight();
            }

            @Override
            public double leverOf(int offer) {
                return offers[offer].getLever();
            }
        };
        Decision decision = arbitrator.decide(scores, request.customer().id(), RULE_SET,
                Explanations.decisionId(RULE_SET, request, now), now);
        for (OfferFact o : offers) {
            if (o.isChosen() != decision.offer().map(c -> c.offerId().equals(o.offer().id())).orElse(false)) {
                throw new IllegalStateException("the rules chose " + (o.isChosen() ? "" : "not ") + o.offer().id()
                        + ", arbitration did the opposite: " + decision);
            }
        }
        return decision;
    }
}
