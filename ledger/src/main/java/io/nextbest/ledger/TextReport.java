package io.nextbest.ledger;

/** The report in sentences, for a terminal. */
final class TextReport {
    private TextReport() {
    }

    static String of(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("Programs from ").append(report.from()).append(" to ").append(report.to()).append(" (")
                .append(report.days()).append(report.days() == 1 ? " day" : " days").append(")\n");
        if (report.programs().isEmpty()) {
            out.append("\nNo program made an offer in this period.\n");
        }
        for (ProgramReport p : report.programs()) {
            out.append('\n').append(Words.headline(p, report.settings())).append(".\n");
            Staffing s = p.staffing();
            out.append("  Effort: ").append(Words.number(p.agentHours(), 1)).append(" agent hours (")
                    .append(Words.number(s.handleSecondsPerContact() / 60, 1)).append(" minutes added per contact); ")
                    .append(Words.number(p.accepted(), 0)).append(" accepted, ")
                    .append(Words.number(p.declined(), 0)).append(" declined; revenue ")
                    .append(Words.number(p.revenue(), 2)).append(".\n");
            out.append("  Incremental: ").append(Words.number(p.incrementalSuccesses(), 1)).append(' ')
                    .append(Words.success(p.success())).append(p.costPerIncrementalSuccess() == null ? ""
                            : ", " + Words.number(p.costPerIncrementalSuccess(), 2) + " each").append(".\n");
            out.append("  Staffing: ").append(Words.number(s.contactsPerDay(), 1)).append(" contacts a day x ")
                    .append(Words.number(s.handleSecondsPerContact() / 60, 1)).append(" minutes = ")
                    .append(Words.number(s.agentHoursPerDay(), 1)).append(" agent hours a day, ")
                    .append(Words.number(s.fullTimeAgents(), 2)).append(" full-time agents.\n");
            if (p.paused() > 0) {
                out.append("  Paused: ").append(Words.number(p.paused(), 0)).append(" offers stopped.\n");
            }
        }
        out.append('\n').append(Words.method(report.settings())).append('\n');
        if (report.dropped() > 0) {
            out.append("The ledger dropped ").append(report.dropped())
                    .append(" records because its queue was full: the figures miss them.\n");
        }
        return out.toString();
    }
}
