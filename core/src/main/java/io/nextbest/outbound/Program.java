package io.nextbest.outbound;

import java.util.List;

/**
 * A proactive program as the contact policy knows it (a row of {@code programs.csv}).
 *
 * @param name       the program, as the catalog's offers name it
 * @param kind       service or marketing
 * @param priority   capacity goes to higher priorities first
 * @param collection true for calls about a debt, which the collection limits bind
 * @param actions    what the customer can do with the contact
 */
record Program(String name, ProgramKind kind, int priority, boolean collection, List<String> actions) {
}
