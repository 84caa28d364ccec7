package io.nextbest.ledger;

/**
 * One program's effort, outcomes, lift, staffing and verdict over a report's period. Contacted
 * decisions made the program's offer; held-out ones would have made it and did not; paused ones would
 * have made it while the program was paused, and count in neither group.
 *
 * @param program                   the program, as the catalog names it
 * @param success                   the outcome that counts as its success
 * @param contacts                  decisions that made the program's offer
 * @param heldOut                   decisions held out of it
 * @param paused                    decisions whose offer was stopped because the program was paused
 * @param accepted                  contacts accepted
 * @param declined                  contacts declined
 * @param ignored                   contacts ignored
 * @param saved                     contacts saved
 * @param revenue                   revenue of the contacts' outcomes
 * @param handleTimeSeconds         handle time the contacts added
 * @param successes                 contacts with the success outcome
 * @param heldOutSuccesses          held-out decisions with the success outcome
 * @param lift                      the success rate's lift over the holdout; null while either group is empty
 * @param incrementalSuccesses      lift x contacts: the successes the program made that would not have happened
 * @param costPerIncrementalSuccess the agent hours' cost over the incremental successes; null unless they are above 0
 * @param staffing                  the agents the program needs
 * @param verdict                   working, not proven, retire, or too early to tell
 */
public record ProgramReport(String program, OutcomeType success, long contacts, long heldOut, long paused,
                            long accepted, long declined, long ignored, long saved, double revenue,
                            double handleTimeSeconds, long successes, long heldOutSuccesses, Lift lift,
                            double incrementalSuccesses, Double costPerIncrementalSuccess, Staffing staffing,
                            Verdict verdict) {

    /** The report of one program from its counts, as the ledger gives them or a simulation makes them. */
    public static ProgramReport of(String program, OutcomeType success, Counts contacted, Counts heldOut, long paused,
                                   long days, ReportSettings settings) {
        long successes = contacted.of(success);
        long heldOutSuccesses = heldOut.of(success);
        Lift lift = contacted.decisions() > 0 && heldOut.decisions() > 0
                ? Lift.between(successes, contacted.decisions(), heldOutSuccesses, heldOut.decisions()) : null;
        double incremental = lift == null ? 0 : lift.difference() * contacted.decisions();
        double agentHours = contacted.handleTimeSeconds() / 3600;
        Double cost = incremental > 0 ? agentHours * settings.costPerAgentHour() / incremental : null;
        return new ProgramReport(program, success, contacted.decisions(), heldOut.decisions(), paused,
                contacted.accepted(), contacted.declined(), contacted.ignored(), contacted.saved(), contacted.revenue(),
                contacted.handleTimeSeconds(), successes, heldOutSuccesses, lift, incremental, cost,
                Staffing.of(days, contacted.decisions(), contacted.handleTimeSeconds(), settings),
                Verdict.of(lift, contacted.decisions(), heldOut.decisions(), settings));
    }

    /** Agent hours the contacts took: the handle time they added. */
    public double agentHours() {
        return handleTimeSeconds / 3600;
    }

    /** The contacts' success rate, 0 without contacts. */
    public double successRate() {
        return contacts == 0 ? 0 : (double) successes / contacts;
    }

    /** The held-out decisions' success rate, 0 without any. */
    public double heldOutRate() {
        return heldOut == 0 ? 0 : (double) heldOutSuccesses / heldOut;
    }

    /** The contacts' acceptance rate, 0 without contacts. */
    public double acceptRate() {
        return contacts == 0 ? 0 : (double) accepted / contacts;
    }

    /**
     * A group's decisions and how many of them had each outcome.
     *
     * @param decisions         decisions in the group
     * @param accepted          of them, with an ACCEPTED outcome
     * @param declined          with a DECLINED outcome
     * @param ignored           with an IGNORED outcome
     * @param saved             with a SAVED outcome
     * @param revenue           their outcomes' revenue
     * @param handleTimeSeconds their outcomes' handle time added
     */
    public record Counts(long decisions, long accepted, long declined, long ignored, long saved, double revenue,
                         double handleTimeSeconds) {
        /** A group with nothing in it. */
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0);

        /** How many had the outcome. */
        public long of(OutcomeType type) {
            return switch (type) {
                case ACCEPTED -> accepted;
                case DECLINED -> declined;
                case IGNORED -> ignored;
                case SAVED -> saved;
            };
        }

        Counts plus(Counts other) {
            return new Counts(decisions + other.decisions, accepted + other.accepted, declined + other.declined,
                    ignored + other.ignored, saved + other.saved, revenue + other.revenue,
                    handleTimeSeconds + other.handleTimeSeconds);
        }
    }
}
