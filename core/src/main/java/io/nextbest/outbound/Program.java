package io.nextbest.outbound;

import java.util.List;
import java.util.Set;

/**
 * A proactive program as the contact policy knows it (a row of {@code programs.csv}).
 *
 * @param name       the program, as the catalog's offers name it
 * @param kind       service or marketing
 * @param priority   capacity goes to higher priorities first
 * @param collection true for calls about a debt, which the collection limits bind
 * @param actions    what the customer can do with the contact
 * @param events     the kinds of event that start it, as the rules say: a no-contact for such an event is told by
 *                   this program's reason, not another's
 */
record Program(String name, ProgramKind kind, int priority, boolean collection, List<String> actions,
               Set<String> events) {
}
