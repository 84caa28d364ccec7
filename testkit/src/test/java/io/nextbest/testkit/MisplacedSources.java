package io.nextbest.testkit;

import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Explanation;
import io.nextbest.FiredRule;
import io.nextbest.LeftOut;
import io.nextbest.Reason;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine whose map from rules back to their table rows is off by 500 rows: the rules decide as
 * they should, but every explanation points where no rule is written. Rules cannot break the map (the
 * engine builds it from the files), so the invariant that guards it is shown failing on a broken
 * engine instead.
 */
final class MisplacedSources extends ForwardingEngine {
    private static final Pattern NUMBER = Pattern.compile("(row|line) (\\d+)");

    MisplacedSources(DecisionEngine engine) {
        super(engine);
    }

    static String misplace(String source) {
        Matcher m = NUMBER.matcher(source);
        return m.find() ? m.replaceFirst(m.group(1) + " " + (Integer.parseInt(m.group(2)) + 500)) : source;
    }

    private static Decision misplaced(Decision d) {
        List<LeftOut> leftOut = d.leftOut().stream().map(l -> new LeftOut(l.offerId(), l.program(),
                new Reason(l.code(), l.stage(), l.rule(), misplace(l.source()), l.reason().offers(),
                        l.reason().text()))).toList();
        return new Decision(d.decisionId(), d.customerId(), d.type(), d.offers(), d.runnersUp(), leftOut,
                d.reasons(), d.ruleSetVersion(), d.decidedAt());
    }

    @Override
    public Decision decide(DecisionRequest request) {
        return misplaced(engine.decide(request));
    }

    @Override
    public Explanation explain(DecisionRequest request) {
        Explanation e = engine.explain(request);
        return new Explanation(misplaced(e.decision()), e.fired().stream()
                .map(f -> new FiredRule(f.code(), f.rule(), f.stage(), misplace(f.source()))).toList());
    }
}
