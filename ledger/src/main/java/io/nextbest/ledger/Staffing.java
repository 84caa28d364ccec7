package io.nextbest.ledger;

/**
 * The agents a program needs: its contacts a day times the handle time each adds.
 *
 * @param days                    the days of the report's period
 * @param contactsPerDay          contacts a day
 * @param handleSecondsPerContact handle time added per contact, in seconds
 * @param agentHoursPerDay        agent hours a day: contacts a day x handle time
 * @param fullTimeAgents          agent hours a day / an agent's productive hours a day
 */
public record Staffing(long days, double contactsPerDay, double handleSecondsPerContact, double agentHoursPerDay,
                       double fullTimeAgents) {

    static Staffing of(long days, long contacts, double handleSeconds, ReportSettings settings) {
        double perDay = (double) contacts / days;
        double perContact = contacts == 0 ? 0 : handleSeconds / contacts;
        double hoursPerDay = perDay * perContact / 3600;
        return new Staffing(days, perDay, perContact, hoursPerDay, hoursPerDay / settings.productiveHoursPerAgentDay());
    }
}
