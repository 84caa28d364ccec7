package io.nextbest.outbound;

import io.nextbest.Channel;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The compliance rules of one version: Do-Not-Call, calling hours in the customer's local time, and the
 * limits on collection calls. They bind every program, service or marketing. Each block has its reason
 * code; the version is written on every contact they approve.
 */
final class Compliance {
    static final String DO_NOT_CALL = "DO_NOT_CALL";
    static final String LIST_STALE = "DO_NOT_CALL_LIST_STALE";
    static final String DEFERRED = "DEFERRED_TO_CALLING_HOURS";
    static final String NO_WINDOW = "NO_CALLING_WINDOW";
    static final String COLLECTION_ATTEMPTS = "COLLECTION_7_IN_7_DAYS";
    static final String COLLECTION_CONVERSATION = "COLLECTION_AFTER_CONVERSATION";

    /** How far ahead a contact may be deferred: a week holds every day of the week once. */
    private static final int DAYS_AHEAD = 8;

    final String version;
    private final LocalDate listScrubbedOn;
    private final int listValidDays;
    private final LocalTime from;
    private final LocalTime to;
    private final List<Window> windows;
    private final int collectionCalls;
    private final int collectionDays;
    private final int quietDays;
    private final Duration revocationDelay;

    /**
     * A regional calling window, stricter than the default: on {@code days}, calls to customers of
     * {@code region} only from {@code from} to {@code to} (exclusive); no calls at all when both are null.
     */
    record Window(String region, Set<DayOfWeek> days, LocalTime from, LocalTime to) {
    }

    Compliance(String version, LocalDate listScrubbedOn, int listValidDays, LocalTime from, LocalTime to,
               List<Window> windows, int collectionCalls, int collectionDays, int quietDays, Duration revocationDelay) {
        this.version = version;
        this.listScrubbedOn = listScrubbedOn;
        this.listValidDays = listValidDays;
        this.from = from;
        this.to = to;
        this.windows = List.copyOf(windows);
        this.collectionCalls = collectionCalls;
        this.collectionDays = collectionDays;
        this.quietDays = quietDays;
        this.revocationDelay = revocationDelay;
    }

    /**
     * True if the customer's consent on the opt-in's channel is revoked at {@code time}. A revocation binds
     * from the instant it was made, unless the compliance rules allow time to honour it.
     */
    boolean revoked(OptIn optIn, Instant time) {
        return optIn.revokedAt() != null && optIn.revokedBy(time.minus(revocationDelay));
    }

    /** The calling hours on one local day of a region, {@code [from, to)}; {@code null} when none. */
    LocalTime[] callingHours(String region, DayOfWeek day) {
        for (Window w : windows) {
            if (w.region().equalsIgnoreCase(region) && w.days().contains(day)) {
                return w.from() == null ? null : new LocalTime[] {w.from(), w.to()};
            }
        }
        return new LocalTime[] {from, to};
    }

    /**
     * The earliest instant at or after {@code at} inside the customer's calling hours and preferred hours, or
     * {@code null} if there is none within a week. Preferred hours that never meet the calling hours are set
     * aside: the customer is then contacted in the calling hours.
     */
    Instant nextAllowed(Recipient r, Instant at) {
        Instant within = next(r, at, true);
        return within != null || r.preferredFrom() == null ? within : next(r, at, false);
    }

    private Instant next(Recipient r, Instant at, boolean preferred) {
        ZoneId zone = r.customer().timeZone();
        ZonedDateTime local = at.atZone(zone);
        for (int d = 0; d < DAYS_AHEAD; d++) {
            LocalDate date = local.toLocalDate().plusDays(d);
            LocalTime[] hours = callingHours(r.customer().region(), date.getDayOfWeek());
            if (hours == null) {
                continue;
            }
            LocalTime start = hours[0];
            LocalTime end = hours[1];
            if (preferred && r.preferredFrom() != null) {
                start = start.isAfter(r.preferredFrom()) ? start : r.preferredFrom();
                end = end.isBefore(r.preferredTo()) ? end : r.preferredTo();
            }
            // Both ends are read on the local day's clock: a day with a clock change keeps its local hours.
            Instant open = ZonedDateTime.of(date, start, zone).toInstant();
            Instant close = ZonedDateTime.of(date, end, zone).toInstant();
            Instant candidate = open.isAfter(at) ? open : at;
            if (start.isBefore(end) && candidate.isBefore(close)) {
                return candidate;
            }
        }
        return null;
    }

    /** True if {@code time} is within the customer's calling hours (preferred hours aside). */
    boolean inCallingHours(Recipient r, Instant time) {
        ZonedDateTime local = time.atZone(r.customer().timeZone());
        LocalTime[] hours = callingHours(r.customer().region(), local.getDayOfWeek());
        LocalTime t = local.toLocalTime();
        return hours != null && !t.isBefore(hours[0]) && t.isBefore(hours[1]);
    }

    /**
     * The reason code of the first compliance rule that blocks the contact, or {@code null} if none does.
     * Do-Not-Call and the list's age bind calls; the collection limits bind calls about one debt.
     */
    String blocks(Recipient r, Program program, Channel channel, Instant when, String debt, List<Attempt> history) {
        if (channel != Channel.OUTBOUND_VOICE) {
            return null;
        }
        if (r.customer().doNotCall()) {
            return DO_NOT_CALL;
        }
        if (program.kind() == ProgramKind.MARKETING && listStale(when)) {
            return LIST_STALE;
        }
        if (program.collection() && debt != null) {
            int calls = 0;
            for (Attempt a : history) {
                if (debt.equals(a.debt()) && a.channel() == Channel.OUTBOUND_VOICE && !a.time().isAfter(when)) {
                    if (a.conversation() && within(a.time(), when, quietDays)) {
                        return COLLECTION_CONVERSATION;
                    }
                    if (within(a.time(), when, collectionDays)) {
                        calls++;
                    }
                }
            }
            if (calls >= collectionCalls) {
                return COLLECTION_ATTEMPTS;
            }
        }
        return null;
    }

    /** True if the Do-Not-Call list was last scrubbed more than its valid days before {@code when} (UTC date). */
    boolean listStale(Instant when) {
        LocalDate day = when.atOffset(ZoneOffset.UTC).toLocalDate();
        return listScrubbedOn.plusDays(listValidDays).isBefore(day);
    }

    private static boolean within(Instant earlier, Instant when, int days) {
        return Duration.between(earlier, when).compareTo(Duration.ofDays(days)) < 0;
    }

    /** Reads {@code compliance.csv} (setting, value) and {@code calling-hours.csv} (region, days, from, to). */
    static Compliance read(PolicyTable settings, PolicyTable hours) {
        String version = null;
        LocalDate scrubbed = null;
        Integer validDays = 31;
        LocalTime from = LocalTime.of(8, 0);
        LocalTime to = LocalTime.of(21, 0);
        Integer calls = 7;
        Integer callDays = 7;
        Integer quiet = 7;
        Integer revocationHours = 0;
        for (int i = 0; i < settings.size(); i++) {
            String setting = settings.text(i, "Setting").toLowerCase(Locale.ROOT);
            switch (setting) {
                case "version" -> version = settings.required(i, "Value");
                case "do-not-call list scrubbed on" -> scrubbed = settings.date(i, "Value");
                case "do-not-call list valid for days" -> validDays = settings.whole(i, "Value", 0, null);
                case "calling hours from" -> from = settings.time(i, "Value");
                case "calling hours to" -> to = settings.time(i, "Value");
                case "collection calls at most" -> calls = settings.whole(i, "Value", 0, null);
                case "collection calls within days" -> callDays = settings.whole(i, "Value", 1, null);
                case "no collection call within days after a conversation" -> quiet = settings.whole(i, "Value", 0, null);
                case "consent revocation honoured within hours" -> revocationHours = settings.whole(i, "Value", 0, null);
                default -> settings.problem(i, "Setting", "'" + settings.text(i, "Setting") + "' is not a setting; the "
                        + "settings are version, do-not-call list scrubbed on, do-not-call list valid for days, calling "
                        + "hours from, calling hours to, collection calls at most, collection calls within days, no "
                        + "collection call within days after a conversation, consent revocation honoured within hours");
            }
        }
        List<Window> windows = new ArrayList<>();
        for (int i = 0; i < hours.size(); i++) {
            String region = hours.required(i, "Region");
            Set<DayOfWeek> days = days(hours, i);
            boolean closed = hours.text(i, "From").isEmpty() && hours.text(i, "To").isEmpty();
            LocalTime f = closed ? null : hours.time(i, "From");
            LocalTime t = closed ? null : hours.time(i, "To");
            if (f != null && t != null && from != null && to != null) {
                if (f.isBefore(from) || t.isAfter(to) || !f.isBefore(t)) {
                    hours.problem(i, "To", "a regional window may only narrow the calling hours " + from + " to " + to
                            + ", and must end after it starts: " + f + " to " + t + " does not");
                }
            }
            windows.add(new Window(region, days, f, t));
        }
        if (version == null) {
            settings.problem("the compliance rules need a 'version' row: every contact names it");
        }
        if (scrubbed == null) {
            settings.problem("the compliance rules need a 'do-not-call list scrubbed on' date");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            settings.problem("the calling hours must end after they start: " + from + " to " + to);
        }
        return new Compliance(version, scrubbed, validDays == null ? 0 : validDays, from, to, windows,
                calls == null ? 0 : calls, callDays == null ? 1 : callDays, quiet == null ? 0 : quiet,
                Duration.ofHours(revocationHours == null ? 0 : revocationHours));
    }

    private static Set<DayOfWeek> days(PolicyTable hours, int i) {
        String v = hours.required(i, "Days").toUpperCase(Locale.ROOT);
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (v.equals("ALL")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        for (String part : v.split("[|\\s]+")) {
            DayOfWeek found = null;
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().startsWith(part) && part.length() >= 3) {
                    found = d;
                }
            }
            if (found == null) {
                hours.problem(i, "Days", "'" + part + "' is not a day: write MON|TUE|...|SUN, or ALL");
            } else {
                days.add(found);
            }
        }
        return days;
    }
}
