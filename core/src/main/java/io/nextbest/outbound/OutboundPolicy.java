package io.nextbest.outbound;

import io.nextbest.Channel;
import io.nextbest.ContactOutcome;
import io.nextbest.Reason;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The contact policy and compliance rules of outbound planning, as tables analysts edit: {@code
 * programs.csv} (each program's kind, priority, customer actions and the events that start it), {@code
 * caps.csv} (caps over rolling windows), {@code suppressions.csv} (rest after declines or ignored contacts),
 * {@code compliance.csv} (the versioned compliance settings), {@code calling-hours.csv} (stricter regional calling windows) and,
 * optionally, {@code capacity.csv} (the center's contacts per channel and day). Immutable.
 */
public final class OutboundPolicy {
    static final String CAPACITY_FILE = "capacity.csv";
    /** The files a policy is read from, by name; every one but {@code capacity.csv} is required. */
    public static final List<String> FILES = List.of("programs.csv", "caps.csv", "suppressions.csv", "compliance.csv",
            "calling-hours.csv", CAPACITY_FILE);
    private static final List<String> CAPACITY_COLUMNS = List.of("Channel", "Per day");

    final Map<String, Program> programs;
    final List<Cap> caps;
    final List<Suppression> suppressions;
    final Compliance compliance;
    final Map<Channel, Capacity> capacity;
    /** By event kind, the programs it starts. */
    private final Map<String, Set<String>> startedBy = new HashMap<>();

    private OutboundPolicy(Map<String, Program> programs, List<Cap> caps, List<Suppression> suppressions,
                           Compliance compliance, Map<Channel, Capacity> capacity) {
        this.programs = Collections.unmodifiableMap(new LinkedHashMap<>(programs));
        this.caps = List.copyOf(caps);
        this.suppressions = List.copyOf(suppressions);
        this.compliance = compliance;
        this.capacity = Collections.unmodifiableMap(new EnumMap<>(capacity));
        Map<String, Set<String>> started = new HashMap<>();
        programs.values().forEach(p -> p.events().forEach(e -> started.computeIfAbsent(e, k -> new TreeSet<>())
                .add(p.name())));
        started.forEach((e, names) -> startedBy.put(e, Collections.unmodifiableSet(names)));
    }

    /** Opens one file of the policy by name; {@code null} when there is no such file. */
    @FunctionalInterface
    interface Opener {
        Reader open(String name) throws IOException;
    }

    /**
     * Reads the policy in a folder.
     *
     * @throws RuleSetException listing every problem, each at its file and cell
     */
    public static OutboundPolicy read(Path folder) {
        return read(folder.toString(), name -> {
            try {
                return Files.newBufferedReader(folder.resolve(name), StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                return null;
            }
        });
    }

    /** Reads the policy from the class path, such as {@code io/nextbest/rules/outbound} of the default pack's jar. */
    public static OutboundPolicy classpath(ClassLoader loader, String folder) {
        return read(folder, name -> {
            InputStream in = loader.getResourceAsStream(folder + "/" + name);
            return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
        });
    }

    /**
     * Reads the policy from its files' bytes, by name ({@link #FILES}), as a cluster's executors do with the bytes
     * the driver read: the same bytes make the same policy on every machine.
     *
     * @param origin where the files came from, for messages
     * @throws RuleSetException listing every problem, each at its file and cell
     */
    public static OutboundPolicy read(String origin, Map<String, byte[]> files) {
        Map<String, byte[]> copy = Map.copyOf(files);
        return read(origin, name -> {
            byte[] bytes = copy.get(name);
            return bytes == null ? null : new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
        });
    }

    static OutboundPolicy read(String origin, Opener files) {
        List<RuleProblem> problems = new ArrayList<>();
        PolicyTable programTable = table(origin, files, "programs.csv", List.of("Program", "Kind", "Priority",
                "Collection", "Actions"), true, problems);
        PolicyTable capTable = table(origin, files, "caps.csv", List.of("Rule", "Reason code", "Applies to",
                "Window days", "At most"), true, problems);
        PolicyTable suppressionTable = table(origin, files, "suppressions.csv", List.of("Rule", "Reason code",
                "Applies to", "Outcomes", "At least", "Within days", "For days"), true, problems);
        PolicyTable settings = table(origin, files, "compliance.csv", List.of("Setting", "Value"), true, problems);
        PolicyTable hours = table(origin, files, "calling-hours.csv", List.of("Region", "Days", "From", "To"), true,
                problems);
        PolicyTable capacityTable = table(origin, files, CAPACITY_FILE, CAPACITY_COLUMNS, false, problems);

        Map<String, Program> programs = programs(programTable);
        List<Cap> caps = new ArrayList<>();
        for (int i = 0; i < capTable.size(); i++) {
            caps.add(new Cap(capTable.required(i, "Rule"), code(capTable, i), capTable.target(i, "Applies to"),
                    orZero(capTable.whole(i, "Window days", 1, null)), orZero(capTable.whole(i, "At most", 0, null))));
        }
        List<Suppression> suppressions = new ArrayList<>();
        for (int i = 0; i < suppressionTable.size(); i++) {
            suppressions.add(new Suppression(suppressionTable.required(i, "Rule"), code(suppressionTable, i),
                    suppressionTable.target(i, "Applies to"), outcomes(suppressionTable, i),
                    Math.max(1, orZero(suppressionTable.whole(i, "At least", 1, null))),
                    orZero(suppressionTable.whole(i, "Within days", 1, null)),
                    suppressionTable.text(i, "For days").equalsIgnoreCase("ever") ? null
                            : suppressionTable.whole(i, "For days", 1, null)));
        }
        Compliance compliance = Compliance.read(settings, hours);
        Map<Channel, Capacity> capacity = capacity(capacityTable);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new OutboundPolicy(programs, caps, suppressions, compliance, capacity);
    }

    /**
     * This policy with the capacity of a {@code capacity.csv} (columns Channel, Per day, and optionally Time zone,
     * the center's, where its day starts, and Move up to days) in place of its own.
     */
    public OutboundPolicy withCapacity(Path capacityFile) {
        List<RuleProblem> problems = new ArrayList<>();
        PolicyTable table;
        try (Reader in = Files.newBufferedReader(capacityFile, StandardCharsets.UTF_8)) {
            table = PolicyTable.read(capacityFile.toString(), in, CAPACITY_COLUMNS, problems);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + capacityFile, e);
        }
        Map<Channel, Capacity> read = capacity(table);
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new OutboundPolicy(programs, caps, suppressions, compliance, read);
    }

    /**
     * This policy with the center's contacts per channel and day in place of its own. A channel this policy has a
     * capacity for keeps its time zone and the days a contact may move; another counts days of UTC and moves a
     * contact up to two days on.
     */
    public OutboundPolicy withCapacity(Map<Channel, Integer> perDay) {
        Map<Channel, Capacity> changed = new EnumMap<>(Channel.class);
        perDay.forEach((channel, n) -> {
            Capacity own = capacity.get(channel);
            changed.put(channel, own == null ? new Capacity(n, Capacity.ZONE, Capacity.MOVE_DAYS)
                    : new Capacity(n, own.zone(), own.moveDays()));
        });
        return new OutboundPolicy(programs, caps, suppressions, compliance, changed);
    }

    /** The time zone whose days the center's capacity on a channel counts; UTC for a channel without a capacity. */
    public ZoneId centerZone(Channel channel) {
        Capacity c = capacity.get(channel);
        return c == null ? Capacity.ZONE : c.zone();
    }

    /** The version of the compliance rules, written on every contact they approve. */
    public String complianceVersion() {
        return compliance.version;
    }

    /** The programs the policy knows. */
    public Set<String> programs() {
        return programs.keySet();
    }

    /** The programs that {@code programs.csv} says an event of this kind starts, in name order. */
    public Set<String> programsStartedBy(String eventKind) {
        return startedBy.getOrDefault(eventKind, Set.of());
    }

    /** The center's contacts per channel and day; a channel not named has no limit. */
    public Map<Channel, Integer> capacity() {
        Map<Channel, Integer> perDay = new EnumMap<>(Channel.class);
        capacity.forEach((channel, c) -> perDay.put(channel, c.perDay()));
        return Collections.unmodifiableMap(perDay);
    }

    private static PolicyTable table(String origin, Opener files, String name, List<String> columns, boolean required,
                                     List<RuleProblem> problems) {
        try {
            Reader in = files.open(name);
            if (in == null) {
                if (required) {
                    problems.add(new RuleProblem(origin, "", "has no " + name));
                }
                return PolicyTable.read(name, Reader.nullReader(), List.of(), problems);
            }
            return PolicyTable.read(name, in, columns, problems);
        } catch (IOException e) {
            problems.add(new RuleProblem(name, "", "cannot be read: " + e.getMessage()));
            return PolicyTable.read(name, Reader.nullReader(), List.of(), problems);
        }
    }

    private static Map<String, Program> programs(PolicyTable t) {
        Map<String, Program> programs = new LinkedHashMap<>();
        for (int i = 0; i < t.size(); i++) {
            String name = t.required(i, "Program");
            String collection = t.text(i, "Collection").toLowerCase(Locale.ROOT);
            if (!collection.isEmpty() && !collection.equals("yes") && !collection.equals("no")) {
                t.problem(i, "Collection", "'" + t.text(i, "Collection") + "' is not yes or no");
            }
            List<String> actions = t.text(i, "Actions").isEmpty() ? List.of()
                    : Arrays.stream(t.text(i, "Actions").split("\\|")).map(String::strip).toList();
            Set<String> events = new TreeSet<>();
            for (String event : t.text(i, "Events").split("\\|")) {
                if (Reason.isCode(event.strip())) {
                    events.add(event.strip());
                } else if (!event.isBlank()) {
                    t.problem(i, "Events", "'" + event.strip() + "' is not an event kind: capital letters, digits and "
                            + "underscores, such as OUTAGE; several are written OUTAGE|RATE_CHANGE");
                }
            }
            Program p = new Program(name, t.choice(i, "Kind", ProgramKind.class),
                    orZero(t.whole(i, "Priority", 0, null)), collection.equals("yes"), actions, Set.copyOf(events));
            if (!name.isEmpty() && programs.putIfAbsent(name, p) != null) {
                t.problem(i, "Program", "'" + name + "' is already a program above");
            }
        }
        return programs;
    }

    private static Map<Channel, Capacity> capacity(PolicyTable t) {
        Map<Channel, Capacity> capacity = new EnumMap<>(Channel.class);
        for (int i = 0; i < t.size(); i++) {
            Channel c = t.choice(i, "Channel", Channel.class);
            Integer n = t.whole(i, "Per day", 0, null);
            ZoneId zone = Capacity.ZONE;
            if (!t.text(i, "Time zone").isEmpty()) {
                try {
                    zone = ZoneId.of(t.text(i, "Time zone"));
                } catch (DateTimeException e) {
                    t.problem(i, "Time zone", "'" + t.text(i, "Time zone") + "' is not a time zone: write one such "
                            + "as America/Chicago or UTC");
                }
            }
            Integer move = t.whole(i, "Move up to days", 0, Capacity.MOVE_DAYS);
            if (move != null && move > 7) {
                t.problem(i, "Move up to days", move + " is more than a week: write 0 to 7");
                move = null;
            }
            if (c != null && n != null && move != null
                    && capacity.put(c, new Capacity(n, zone, move)) != null) {
                t.problem(i, "Channel", "'" + c + "' has a capacity above");
            }
        }
        return capacity;
    }

    private static String code(PolicyTable t, int i) {
        String code = t.required(i, "Reason code");
        if (!code.isEmpty() && !code.matches("[A-Z][A-Z0-9_]*")) {
            t.problem(i, "Reason code", "'" + code + "' is not a reason code: capital letters, digits and underscores");
        }
        return code;
    }

    private static Set<ContactOutcome> outcomes(PolicyTable t, int i) {
        Set<ContactOutcome> outcomes = EnumSet.noneOf(ContactOutcome.class);
        for (String part : t.required(i, "Outcomes").split("\\|")) {
            try {
                outcomes.add(ContactOutcome.valueOf(part.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                t.problem(i, "Outcomes", "'" + part.strip() + "' is not DECLINED, IGNORED or ACCEPTED");
            }
        }
        return outcomes;
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
