package io.nextbest.outbound;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The center's capacity on one channel (a row of {@code capacity.csv}): at most {@code perDay} contacts a day,
 * a day as the center counts it, in its own time zone; a contact that finds its day full moves to one of the
 * next {@code moveDays} days that has room, at the first minute the customer may be contacted on it.
 *
 * @param perDay   contacts a day
 * @param zone     the center's time zone, which says where its day starts and ends
 * @param moveDays how many days later a contact may move to; 0: a contact that does not fit is not planned
 */
record Capacity(int perDay, ZoneId zone, int moveDays) {
    /** Where a channel's row does not say: days of UTC, and a contact moves up to two days on. */
    static final ZoneId ZONE = ZoneId.of("UTC");
    static final int MOVE_DAYS = 2;

    /** The center's day an instant falls on. */
    LocalDate day(Instant time) {
        return time.atZone(zone).toLocalDate();
    }

    /** When the center's day starts. */
    Instant start(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
