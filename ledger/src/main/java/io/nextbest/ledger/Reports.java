package io.nextbest.ledger;

import io.nextbest.DecisionType;
import io.nextbest.ledger.ProgramReport.Counts;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds a report from the ledger's counts. */
final class Reports {
    private Reports() {
    }

    static Report build(LocalDate from, LocalDate to, ReportSettings settings, Map<String, OutcomeType> success,
                        List<Store.GroupCounts> rows, long dropped) {
        Map<String, Counts[]> groups = new TreeMap<>();
        for (Store.GroupCounts r : rows) {
            Counts[] g = groups.computeIfAbsent(r.program(), p -> new Counts[] {Counts.NONE, Counts.NONE, Counts.NONE});
            int group = r.heldOut() ? 1 : DecisionType.OFFER.name().equals(r.decisionType()) ? 0 : 2;
            g[group] = g[group].plus(new Counts(r.decisions(), r.accepted(), r.declined(), r.ignored(), r.saved(),
                    r.revenue(), r.handleSeconds()));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        List<ProgramReport> programs = new ArrayList<>();
        groups.forEach((program, g) -> programs.add(ProgramReport.of(program,
                success.getOrDefault(program, OutcomeType.ACCEPTED), g[0], g[1], g[2].decisions(), days, settings)));
        return new Report(from, to, settings, programs, dropped);
    }
}
