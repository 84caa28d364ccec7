package io.nextbest.ledger;

/**
 * What a report assumes.
 *
 * @param minimumHeldOut             held-out decisions a program needs before "not proven" is a verdict
 * @param minimumContacts            contacts a program needs before "not proven" is a verdict
 * @param costPerAgentHour           what an agent hour costs, in your currency, for the cost per incremental success
 * @param productiveHoursPerAgentDay the hours a full-time agent spends on contacts in a day (a shift less
 *                                   breaks, training and time between contacts)
 */
public record ReportSettings(int minimumHeldOut, int minimumContacts, double costPerAgentHour,
                             double productiveHoursPerAgentDay) {
    /** 200 held out and 200 contacted; 35.00 an agent hour; 6 productive hours a day. */
    public static final ReportSettings DEFAULTS = new ReportSettings(200, 200, 35.0, 6.0);

    public ReportSettings {
        if (minimumHeldOut < 1 || minimumContacts < 1) {
            throw new IllegalArgumentException("minimumHeldOut, minimumContacts: must be at least 1, got "
                    + minimumHeldOut + ", " + minimumContacts);
        }
        if (!(costPerAgentHour >= 0)) {
            throw new IllegalArgumentException("costPerAgentHour: must be at least 0, got " + costPerAgentHour);
        }
        if (!(productiveHoursPerAgentDay > 0 && productiveHoursPerAgentDay <= 24)) {
            throw new IllegalArgumentException("productiveHoursPerAgentDay: must be above 0 and at most 24, got "
                    + productiveHoursPerAgentDay);
        }
    }
}
