package io.nextbest.examples;

import io.nextbest.DecisionEngine;
import io.nextbest.InvalidRequestException;
import io.nextbest.examples.Errors.UserError;
import io.nextbest.outbound.NoContact;
import io.nextbest.outbound.OutboundPlanner;
import io.nextbest.outbound.OutboundPolicy;
import io.nextbest.outbound.PlanListener;
import io.nextbest.outbound.PlanSummary;
import io.nextbest.outbound.PlannedContact;
import io.nextbest.rules.DefaultRules;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nextbest outbound}: customers, events and history in, a plan of contacts and a summary out. */
@Command(name = "outbound",
        description = {
            "Plans proactive outbound contacts: the programs the customers' events start, on each customer's own "
                    + "channels and hours, within the contact policy and the compliance rules.",
            "",
            "Every input file is CSV with a header, or JSON Lines when named .jsonl, and sorted by customer id "
                    + "(as text: LC_ALL=C sort), so that customers stream through: memory does not grow with "
                    + "their number. A bad row is reported on stderr with its file and line and skipped; the "
                    + "rest is planned.",
            ""},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:every row was read and planned",
            "1:some rows were skipped (each is reported), or an input or the rules are wrong",
            "2:the command was used wrongly"})
final class OutboundCommand implements Callable<Integer> {
    @Option(names = "--customers", required = true, paramLabel = "FILE",
            description = "Customers: id, timeZone, region, tenureMonths, churnRisk, billingStatus, doNotCall, "
                    + "criticalCare, optIns (SMS:SERVICE+MARKETING|EMAIL:SERVICE, in the customer's order), revoked "
                    + "(SMS@TIME|...), preferredHours (18:00-20:30), attributes.NAME ...")
    Path customers;

    @Option(names = "--events", required = true, paramLabel = "FILE",
            description = "Events: customerId, kind, time, attributes.NAME ...")
    Path events;

    @Option(names = "--history", paramLabel = "FILE",
            description = "Earlier contacts: customerId, program, channel, time, outcome, debt, conversation.")
    Path history;

    @Option(names = "--capacity", paramLabel = "FILE",
            description = "The center's contacts per channel and day (Channel, Per day), instead of the policy's.")
    Path capacity;

    @Option(names = "--policy", paramLabel = "DIR",
            description = "The contact policy and compliance tables, instead of the default ones.")
    Path policy;

    @Option(names = "--at", required = true, paramLabel = "TIME",
            description = "When the plan starts, such as 2026-11-23T15:00:00Z.")
    String at;

    @Option(names = "--out", required = true, paramLabel = "PLAN",
            description = "The plan: CSV, or JSON Lines when named .jsonl.")
    Path out;

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Instant start;
        try {
            start = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new UserError("--at: '" + at + "' is not a time such as 2026-11-23T15:00:00Z");
        }
        PrintWriter err = spec.commandLine().getErr();
        int[] skipped = {0};
        int[] unplanned = {0};
        Consumer<String> report = problem -> {
            err.println(problem);
            err.flush();
            skipped[0]++;
        };
        Consumer<String> reportUnplanned = event -> {
            err.println(event);
            err.flush();
            unplanned[0]++;
        };
        OutboundPolicy chosen = policy == null ? DefaultRules.outboundPolicy() : OutboundPolicy.read(policy);
        if (capacity != null) {
            chosen = chosen.withCapacity(capacity);
        }
        PlanSummary summary = new PlanSummary();
        Progress progress = new Progress(System.console() != null ? err : null);
        int customersPlanned = 0;
        try (DecisionEngine engine = rules.engine();
             OutboundInputs inputs = new OutboundInputs(open(customers, OutboundInputs.CUSTOMER_COLUMNS, report),
                     open(events, OutboundInputs.EVENT_COLUMNS, report),
                     history == null ? null : open(history, OutboundInputs.HISTORY_COLUMNS, report), report,
                     reportUnplanned);
             BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            PlanFile plan = new PlanFile(writer, out.getFileName().toString());
            OutboundPlanner planner = OutboundPlanner.builder(engine).policy(chosen).build();
            try (OutboundPlanner.Run run = planner.start(start, both(plan, summary))) {
                for (OutboundInputs.Planned p = inputs.next(); p != null; p = inputs.next()) {
                    try {
                        run.plan(p.recipient(), p.events(), p.history());
                        customersPlanned++;
                        progress.customers(customersPlanned);
                    } catch (InvalidRequestException e) {
                        report.accept(customers.getFileName() + ": customer " + p.recipient().id() + ": " + e.getMessage()
                                + (p.events().isEmpty() ? "" : " (" + p.events().size() + " events not planned)"));
                        unplanned[0] += p.events().size();
                    }
                }
            }
        }
        progress.done();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("customers planned: " + customersPlanned + ", rows skipped: " + skipped[0]
                + ", events of skipped customers not planned: " + unplanned[0]);
        summary.lines().forEach(stdout::println);
        stdout.flush();
        return skipped[0] + unplanned[0] == 0 ? 0 : Errors.FAILED;
    }

    private static PlanListener both(PlanListener first, PlanListener second) {
        return new PlanListener() {
            @Override
            public void planned(PlannedContact contact) {
                first.planned(contact);
                second.planned(contact);
            }

            @Override
            public void notPlanned(NoContact noContact) {
                first.notPlanned(noContact);
                second.notPlanned(noContact);
            }
        };
    }

    private static InputRows open(Path file, java.util.List<String> columns, Consumer<String> report) throws IOException {
        if (Files.isDirectory(file)) {
            throw new UserError(file + " is a folder: name a file");
        }
        try {
            return new InputRows(file, new Utf8Lines(Files.newInputStream(file)), columns, report);
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read " + file + ": no such file");
        }
    }

    /** A progress line on a terminal; nothing when the output is piped or captured. */
    private static final class Progress {
        private final PrintWriter terminal;

        Progress(PrintWriter terminal) {
            this.terminal = terminal;
        }

        void customers(int n) {
            if (terminal != null && n % 10_000 == 0) {
                terminal.print("\rplanned " + n + " customers");
                terminal.flush();
            }
        }

        void done() {
            if (terminal != null) {
                terminal.print("\r");
                terminal.flush();
            }
        }
    }
}
