package io.nextbest.engine;

import io.nextbest.Decision;
import io.nextbest.DecisionException;
import io.nextbest.DecisionRequest;
import io.nextbest.Explanation;
import io.nextbest.FiredRule;
import io.nextbest.RankedOffer;
import io.nextbest.OfferCatalog;
import io.nextbest.RuleSetInfo;
import io.nextbest.Stage;
import io.nextbest.arbitration.Arbitrator;
import io.nextbest.arbitration.RuleInfo;
import io.nextbest.arbitration.Scoreboard;
import io.nextbest.arbitration.Scores;
import io.nextbest.catalog.CatalogIndex;
import io.nextbest.facts.Situation;
import io.nextbest.learning.LearnedOffers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A compiled, immutable rule set and the sessions that run it. Decisions borrow a session, its
 * {@link Situation} and its {@link Scoreboard} from a pool, so that no session is built per call and
 * none is shared by two threads at once.
 */
final class CompiledRuleSet {
    private final RuleSetInfo info;
    private final KieBase kieBase;
    private final CatalogIndex index;
    private final IdentityHashMap<Rule, RuleInfo> rules;
    private final EngineSettings settings;
    private final Arbitrator arbitrator;
    /** The offers that arbitrate on a learned propensity, where the engine has a learner. */
    private final LearnedOffers learnedOffers;
    private final ConcurrentLinkedQueue<Slot> pool = new ConcurrentLinkedQueue<>();
    /** How the pool's sessions are made: see the constructor. */
    private final KieSessionConfiguration sessionConfiguration;
    private volatile boolean retired;

    private record Slot(KieSession session, Situation situation, Scoreboard board) {
    }

    CompiledRuleSet(RuleSetInfo info, KieBase kieBase, OfferCatalog catalog, IdentityHashMap<Rule, RuleInfo> rules,
                    EngineSettings settings, LearnedOffers learnedOffers) {
        this.info = info;
        this.kieBase = kieBase;
        this.index = new CatalogIndex(catalog);
        this.rules = rules;
        this.settings = settings;
        this.arbitrator = new Arbitrator(catalog, settings.maxOffers(), settings.minimumPriority());
        this.learnedOffers = learnedOffers;
        this.sessionConfiguration = KieServices.Factory.get().newKieSessionConfiguration();
        // A pooled session serves one thread at a time, so the classic build's sessions need not guard
        // their propagation list. The executable model's consequences read that same option as "one
        // thread runs this rule base" and then share one array of facts among all its sessions, which
        // would mix up the decisions of concurrent sessions: its sessions keep Drools' default.
        this.sessionConfiguration.setOption(info.precompiled() ? ThreadSafeOption.YES : ThreadSafeOption.NO);
    }

    RuleSetInfo info() {
        return info;
    }

    String version() {
        return info.version();
    }

    OfferCatalog catalog() {
        return index.catalog();
    }

    EngineSettings settings() {
        return settings;
    }

    /** The set's rules, in the order the pack writes them. */
    List<RuleInfo> rules() {
        List<RuleInfo> all = new ArrayList<>(rules.values());
        all.sort(Comparator.comparingInt(RuleInfo::order));
        return all;
    }

    /** The rule as decisions report it; a rule the set does not know (none should be) by its package. */
    RuleInfo rule(Rule rule) {
        RuleInfo info = rules.get(rule);
        if (info == null) {
            info = new RuleInfo(rule.getName(), RuleSetCompiler.codeOf(rule), Stage.ofPackage(rule.getPackageName()),
                    Integer.MAX_VALUE, rule.getPackageName());
        }
        return info;
    }

    private Slot newSlot(KieSession session) {
        Scoreboard board = new Scoreboard(index, this::rule);
        return new Slot(session, new Situation(index, board), board);
    }

    /**
     * Decides on one request; safe to call from many threads. A retired rule set still finishes the
     * decisions that reached it, on sessions that are disposed of afterwards.
     */
    Decision decide(DecisionRequest request) {
        Slot slot = pool.poll();
        if (slot == null) {
            slot = newSlot(kieBase.newKieSession(sessionConfiguration, null));
        }
        return run(slot, request, true);
    }

    private Decision run(Slot slot, DecisionRequest request, boolean pooled) {
        Instant now = request.interaction().time() != null ? request.interaction().time() : settings.clock().instant();
        boolean reusable = false;
        try {
            Situation situation = slot.situation();
            situation.reset(request, now);
            KieSession session = slot.session();
            FactHandle handle = session.insert(situation);
            int limit = settings.maxRuleFirings();
            int fired;
            try {
                // One firing past the limit tells a loop from a decision that needs exactly the limit.
                fired = session.fireAllRules(limit == Integer.MAX_VALUE ? limit : limit + 1);
            } finally {
                session.delete(handle);
            }
            if (fired > limit) {
                throw new DecisionException("the rules fired more than " + limit + " times for customer "
                        + request.customer().id() + ", past the limit of " + limit
                        + " firings for one decision (maxRuleFirings): a rule may be looping");
            }
            String id = DecisionIds.of(info.version(), request, now);
            Scores scores = LearnedScores.of(slot.board(), index.catalog(), learnedOffers, settings.learner(), request, id);
            Decision decision = arbitrator.decide(scores, request.customer().id(), info.version(), id, now);
            if (scores instanceof LearnedScores learned) {
                Decision estimated = arbitrator.decide(learned.atEstimates(), request.customer().id(), info.version(),
                        id, now);
                settings.learner().countDecision(!offerIds(estimated).equals(offerIds(decision)));
            }
            reusable = true;
            return decision;
        } catch (ConsequenceException e) {
            Rule rule = e.getMatch() == null ? null : e.getMatch().getRule();
            String where = rule == null ? "a rule" : "rule '" + rule.getName() + "' (" + rule(rule).source() + ")";
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new DecisionException(where + " failed for customer " + request.customer().id() + ": "
                    + RuleSources.message(cause), cause);
        } finally {
            if (pooled && reusable && !retired) {
                pool.offer(slot);
                if (retired && pool.remove(slot)) {
                    slot.session().dispose();
                }
            } else {
                slot.session().dispose();
            }
        }
    }

    private static List<String> offerIds(Decision decision) {
        return decision.offers().stream().map(RankedOffer::offerId).toList();
    }

    /** Decides on a session of its own that records every rule that fires. */
    Explanation explain(DecisionRequest request) {
        List<FiredRule> fired = new ArrayList<>();
        KieSession session = kieBase.newKieSession();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                RuleInfo info = rule(event.getMatch().getRule());
                fired.add(new FiredRule(info.code(), info.name(), info.stage(), info.source()));
            }
        });
        Decision decision = run(newSlot(session), request, false);
        return new Explanation(decision, fired);
    }

    /**
     * Retires the rule set: disposes of its idle sessions; decisions in flight finish and then dispose
     * of theirs.
     */
    void close() {
        retired = true;
        Slot slot;
        while ((slot = pool.poll()) != null) {
            slot.session().dispose();
        }
    }
}
