package io.nextbest.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nextbest.outbound.NoContact;
import io.nextbest.outbound.PlanListener;
import io.nextbest.outbound.PlannedContact;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan as a file: a line per contact, CSV with a header, or JSON Lines when the file is named {@code
 * .jsonl}; the same fields either way.
 */
final class PlanFile implements PlanListener {
    static final List<String> COLUMNS = List.of("customerId", "event", "program", "offerId", "channel", "localTime",
            "timeZone", "utcTime", "priority", "reasons", "actions", "complianceVersion", "message");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;
    private final boolean json;

    PlanFile(BufferedWriter out, String name) throws IOException {
        this.out = out;
        this.json = name.toLowerCase(Locale.ROOT).endsWith(".jsonl");
        if (!json) {
            out.write(String.join(",", COLUMNS));
            out.newLine();
        }
    }

    /** A contact's fields, in the order of {@link #COLUMNS}. */
    static Map<String, Object> fields(PlannedContact c) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("customerId", c.customerId());
        f.put("event", c.event());
        f.put("program", c.program());
        f.put("offerId", c.offerId());
        f.put("channel", c.channel().name());
        f.put("localTime", c.localTime().toString());
        f.put("timeZone", c.zone().getId());
        f.put("utcTime", c.utcTime().toString());
        f.put("priority", c.priority());
        f.put("reasons", String.join("|", c.reasons()));
        f.put("actions", String.join("|", c.actions()));
        f.put("complianceVersion", c.complianceVersion());
        f.put("message", c.message());
        return f;
    }

    @Override
    public void planned(PlannedContact contact) {
        Map<String, Object> f = fields(contact);
        try {
            if (json) {
                out.write(JSON.writeValueAsString(f));
            } else {
                StringBuilder line = new StringBuilder();
                for (Object v : f.values()) {
                    line.append(line.length() == 0 ? "" : ",").append(csv(String.valueOf(v)));
                }
                out.write(line.toString());
            }
            out.newLine();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan line that is not JSON: " + f, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void notPlanned(NoContact noContact) {
        // The summary counts them; the plan holds contacts only.
    }

    /** A CSV cell: quoted when it holds a comma, a quote or a line break. */
    static String csv(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
