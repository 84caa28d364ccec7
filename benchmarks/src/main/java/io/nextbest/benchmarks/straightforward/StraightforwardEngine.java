package io.nextbest.benchmarks.straightforward;

import io.nextbest.Decision;
import io.nextbest.DecisionRequest;
import io.nextbest.DecisionType;
import io.nextbest.LeftOut;
import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import io.nextbest.RankedOffer;
import io.nextbest.RulePack;
import io.nextbest.Score;
import io.nextbest.arbitration.Reasons;
import io.nextbest.benchmarks.Decider;
import io.nextbest.benchmarks.Explanations;
import io.nextbest.catalog.CatalogReader;
import io.nextbest.engine.EngineSettings;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The default pack as a first Drools design usually writes it: one fact per offer of the catalog, plus
 * the customer and the interaction; rules of each stage join the offer fact with them and modify it;
 * an {@code accumulate} picks the best; a new stateless session decides each request. It makes the
 * same decisions as the pack ({@code SameDecisionsTest}) and is here to be measured against.
 */
public final class StraightforwardEngine implements Decider {
    /** Where the rules are written; decisions name it as the source of every left-out reason. */
    public static final String RULES = "io/nextbest/benchmarks/straightforward/offers.drl";
    private static final double MINIMUM_PRIORITY = EngineSettings.DEFAULT_MINIMUM_PRIORITY;
    private static final String RULE_SET = "straightforward";

    private final OfferCatalog catalog;
    private final Clock clock;
    private final KieBase kieBase;

    public StraightforwardEngine(RulePack defaultPack, Clock clock) {
        this.catalog = CatalogReader.read(defaultPack.files().stream().filter(RulePack.RuleFile::isCatalog)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("the pack has no catalog")));
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
            offers[i] = new OfferFact(i, offer, models.get(offer.id()));
            facts[i + 2] = offers[i];
        }
        StatelessKieSession session = kieBase.newStatelessKieSession();
        session.setGlobal("minimumPriority", MINIMUM_PRIORITY);
        session.execute(Arrays.asList(facts));
        return decision(request, now, offers);
    }

    /** Reads the decision off the offer facts the rules left behind. */
    private Decision decision(DecisionRequest request, Instant now, OfferFact[] offers) {
        List<RankedOffer> chosen = new ArrayList<>(1);
        List<OfferFact> passed = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        List<OfferFact> belowMinimum = new ArrayList<>();
        for (OfferFact o : offers) {
            if (o.isChosen()) {
                chosen.add(ranked(o));
            } else if (o.getLeftOut() == null) {
                passed.add(o);
            } else if (o.getLeftOut().stage().equals("arbitration")) {
                belowMinimum.add(o);
            } else {
                leftOut.add(o.getLeftOut());
            }
        }
        Comparator<OfferFact> byPriority = Comparator.comparingDouble(OfferFact::getPriority).reversed()
                .thenComparingInt(OfferFact::getIndex);
        passed.sort(byPriority);
        belowMinimum.sort(byPriority);
        belowMinimum.forEach(o -> leftOut.add(o.getLeftOut()));
        List<RankedOffer> runnersUp = passed.stream().map(StraightforwardEngine::ranked).toList();
        double[] priority = new double[offers.length];
        for (OfferFact o : offers) {
            priority[o.getIndex()] = o.getPriority();
        }
        List<String> reasons = chosen.isEmpty()
                ? Reasons.noOfferReasons(catalog, priority, belowMinimum.isEmpty() ? -1 : belowMinimum.get(0).getIndex(),
                        MINIMUM_PRIORITY, leftOut)
                : List.of(Reasons.offerReason(chosen.get(0), 1 + runnersUp.size()));
        return new Decision(Explanations.decisionId(RULE_SET, request, now), request.customer().id(),
                chosen.isEmpty() ? DecisionType.NO_OFFER : DecisionType.OFFER, chosen, runnersUp, leftOut, reasons,
                RULE_SET, now);
    }

    private static RankedOffer ranked(OfferFact o) {
        Offer offer = o.offer();
        return new RankedOffer(offer.id(), offer.name(), offer.kind(), offer.program(), offer.script(),
                new Score(o.getPropensity(), o.getWeight(), offer.value(), o.getLever(), o.getPriority()));
    }
}
