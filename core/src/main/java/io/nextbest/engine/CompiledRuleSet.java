package io.nextbest.engine;

import io.nextbest.Decision;
import io.nextbest.DecisionException;
import io.nextbest.DecisionRequest;
import io.nextbest.Explanation;
import io.nextbest.FiredRule;
import io.nextbest.OfferCatalog;
import io.nextbest.arbitration.Arbitrator;
import io.nextbest.facts.OfferTargets;
import io.nextbest.facts.RuleInfo;
import io.nextbest.facts.RuleSetView;
import io.nextbest.facts.Situation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.concurrent.ConcurrentHashMap;
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
 * A compiled, immutable rule set and the sessions that run it. Decisions borrow a session and its
 * {@link Situation} from a pool, so that no session is built per call and none is shared by two
 * threads at once.
 */
public final class CompiledRuleSet implements RuleSetView {
    private final String version;
    private final KieBase kieBase;
    private final OfferCatalog catalog;
    private final IdentityHashMap<Rule, RuleInfo> rules;
    private final EngineSettings settings;
    private final boolean precompiled;
    private final ConcurrentHashMap<String, long[]> targets = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Slot> pool = new ConcurrentLinkedQueue<>();
    /** How the pool's sessions are made: see the constructor. */
    private final KieSessionConfiguration sessionConfiguration;
    private volatile boolean retired;

    private record Slot(KieSession session, Situation situation) {
    }

    CompiledRuleSet(String version, KieBase kieBase, OfferCatalog catalog, IdentityHashMap<Rule, RuleInfo> rules,
                    EngineSettings settings, boolean precompiled) {
        this.version = version;
        this.precompiled = precompiled;
        this.kieBase = kieBase;
        this.catalog = catalog;
        this.rules = rules;
        this.settings = settings;
        this.sessionConfiguration = KieServices.Factory.get().newKieSessionConfiguration();
        // A pooled session serves one thread at a time, so the classic build's sessions need not guard
        // their propagation list. The executable model's consequences read that same option as "one
        // thread runs this rule base" and then share one array of facts among all its sessions, which
        // would mix up the decisions of concurrent sessions: its sessions keep Drools' default.
        this.sessionConfiguration.setOption(precompiled ? ThreadSafeOption.YES : ThreadSafeOption.NO);
    }

    public String version() {
        return version;
    }

    @Override
    public OfferCatalog catalog() {
        return catalog;
    }

    public EngineSettings settings() {
        return settings;
    }

    /** True if the rules were compiled at build time and loaded, false if compiled from the pack's files. */
    public boolean precompiled() {
        return precompiled;
    }

    /** How many rules the set holds. */
    public int ruleCount() {
        return rules.size();
    }

    /** The set's rules, in the order the pack writes them. */
    public List<RuleInfo> rules() {
        List<RuleInfo> all = new ArrayList<>(rules.values());
        all.sort(java.util.Comparator.comparingInt(RuleInfo::order));
        return all;
    }

    @Override
    public long[] offers(String target) {
        long[] mask = targets.get(target);
        if (mask == null) {
            mask = OfferTargets.resolve(target, catalog);
            targets.putIfAbsent(target, mask);
        }
        return mask;
    }

    @Override
    public RuleInfo rule(Rule rule) {
        RuleInfo info = rules.get(rule);
        if (info == null) {
            String stage = RuleSetCompiler.stageOf(rule.getPackageName());
            info = new RuleInfo(rule.getName(), stage, RuleInfo.stageOrder(stage), Integer.MAX_VALUE,
                    rule.getPackageName());
        }
        return info;
    }

    /**
     * Decides on one request; safe to call from many threads. A retired rule set still finishes the
     * decisions that reached it, on sessions that are disposed of afterwards.
     */
    public Decision decide(DecisionRequest request) {
        Slot slot = pool.poll();
        if (slot == null) {
            slot = new Slot(kieBase.newKieSession(sessionConfiguration, null), new Situation(this));
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
            Decision decision = Arbitrator.decide(situation, catalog, settings, version, decisionId(request, now));
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

    /** Decides on a session of its own that records every rule that fires. */
    public Explanation explain(DecisionRequest request) {
        List<FiredRule> fired = new ArrayList<>();
        KieSession session = kieBase.newKieSession();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                RuleInfo info = rule(event.getMatch().getRule());
                fired.add(new FiredRule(info.name(), info.stage(), info.source()));
            }
        });
        Slot traced = new Slot(session, new Situation(this));
        Decision decision = run(traced, request, false);
        return new Explanation(decision, fired);
    }

    private String decisionId(DecisionRequest request, Instant now) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, version);
        h = mix(h, request.customer().id());
        h = mix(h, request.interaction().id());
        h = mix(h, request.interaction().channel().name());
        h = h * 31 + now.getEpochSecond();
        h = h * 31 + now.getNano();
        return "d-" + Long.toHexString(h);
    }

    private static long mix(long h, String s) {
        if (s == null) {
            return h * 0x100000001b3L;
        }
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    /**
     * Retires the rule set: disposes of its idle sessions; decisions in flight finish and then dispose
     * of theirs.
     */
    public void close() {
        retired = true;
        Slot slot;
        while ((slot = pool.poll()) != null) {
            slot.session().dispose();
        }
    }
}
