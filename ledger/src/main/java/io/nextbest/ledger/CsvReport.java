package io.nextbest.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report as CSV: one line per program, plain numbers (no grouping), names in the header. */
final class CsvReport {
    static final String HEADER = "program,from,to,success,contacts,held_out,paused,accepted,declined,ignored,saved,"
            + "revenue,agent_hours,success_rate,held_out_rate,lift,lift_low,lift_high,incremental_successes,"
            + "cost_per_incremental_success,contacts_per_day,handle_seconds_per_contact,agent_hours_per_day,"
            + "full_time_agents,verdict";

    private CsvReport() {
    }

    static String of(Report report) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (ProgramReport p : report.programs()) {
            Staffing s = p.staffing();
            List<String> cells = new ArrayList<>(List.of(quote(p.program()), report.from().toString(),
                    report.to().toString(), p.success().name(), n(p.contacts()), n(p.heldOut()), n(p.paused()),
                    n(p.accepted()), n(p.declined()), n(p.ignored()), n(p.saved()), n(p.revenue()), n(p.agentHours()),
                    n(p.successRate()), n(p.heldOutRate())));
            if (p.lift() == null) {
                cells.addAll(List.of("", "", ""));
            } else {
                cells.addAll(List.of(n(p.lift().difference()), n(p.lift().low()), n(p.lift().high())));
            }
            cells.addAll(List.of(n(p.incrementalSuccesses()),
                    p.costPerIncrementalSuccess() == null ? "" : n(p.costPerIncrementalSuccess()),
                    n(s.contactsPerDay()), n(s.handleSecondsPerContact()), n(s.agentHoursPerDay()),
                    n(s.fullTimeAgents()), p.verdict().name()));
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString();
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.6f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String quote(String text) {
        return text.matches("[^,\"\\r\\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
