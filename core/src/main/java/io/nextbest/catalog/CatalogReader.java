package io.nextbest.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.nextbest.Channel;
import io.nextbest.InvalidRequestException;
import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import io.nextbest.OfferKind;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.RuleProblem;
import io.nextbest.RuleSetException;
import io.nextbest.json.JsonCodec;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an offer catalog that analysts edit: {@code catalog.json} (an object with an {@code offers}
 * list of {@link Offer} fields) or {@code catalog.csv} (one offer per row, a header row naming the
 * same fields; {@code channels} separated by {@code |}). Every problem names its place: the JSON path,
 * or the CSV line and column; every bad offer is reported, not only the first.
 */
public final class CatalogReader {
    static final List<String> CSV_COLUMNS = List.of("id", "name", "kind", "product", "category", "channels", "value",
            "validFrom", "validTo", "script", "program", "propensity", "coolDownDays");
    private static final Set<String> REQUIRED = Set.of("id", "name", "kind", "channels", "value", "script", "program");
    private static final JsonCodec JSON = new JsonCodec();

    private CatalogReader() {
    }

    /** Reads a catalog file. @throws RuleSetException listing every problem in it */
    /**
     * The catalog of a pack, which must hold exactly one ({@code catalog.json} or {@code catalog.csv}):
     * null, with the problems added to {@code problems}, if it holds none, several, or one that cannot
     * be read.
     */
    public static OfferCatalog read(RulePack pack, List<RuleProblem> problems) {
        OfferCatalog catalog = null;
        int catalogs = 0;
        for (RuleFile file : pack.files()) {
            if (file.isCatalog()) {
                catalogs++;
                try {
                    catalog = read(file);
                } catch (RuleSetException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (catalogs == 0) {
            problems.add(new RuleProblem(pack.origin(), "", "has no offer catalog: add catalog.json or catalog.csv"));
        } else if (catalogs > 1) {
            problems.add(new RuleProblem(pack.origin(), "", "has " + catalogs + " offer catalogs: keep one"));
            return null;
        }
        return catalog;
    }

    public static OfferCatalog read(RuleFile file) {
        return file.lowerName().endsWith(".csv") ? readCsv(file) : readJson(file);
    }

    private static OfferCatalog readJson(RuleFile file) {
        List<RuleProblem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(file.content());
        } catch (InvalidRequestException e) {
            throw new RuleSetException(List.of(problem(file, e)));
        }
        JsonNode offers = root == null ? null : root.isArray() ? root : root.get("offers");
        if (offers == null || !offers.isArray()) {
            throw new RuleSetException(List.of(new RuleProblem(file.name(), "$",
                    "expected an object with an \"offers\" list")));
        }
        List<Offer> read = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            String path = (root.isArray() ? "$" : "$.offers") + "[" + i + "]";
            try {
                read.add(JSON.read(offers.get(i).toString(), Offer.class));
                indices.add(i);
            } catch (InvalidRequestException e) {
                for (InvalidRequestException.Problem p : e.under(path).problems()) {
                    problems.add(new RuleProblem(file.name(), p.field(), p.message()
                            + (p.value() == null ? "" : ", got '" + p.value() + "'")));
                }
            }
        }
        return finish(file, read, problems, i -> (root.isArray() ? "$" : "$.offers") + "[" + indices.get(i) + "]");
    }

    private static OfferCatalog readCsv(RuleFile file) {
        List<RuleProblem> problems = new ArrayList<>();
        List<Offer> read = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        MappingIterator<String[]> rows;
        try {
            rows = csv.readerFor(String[].class).readValues(file.content());
        } catch (IOException e) {
            throw new RuleSetException(List.of(notCsv(file, e, 1)));
        }
        try (rows) {
            Map<String, Integer> columns = null;
            while (rows.hasNext()) {
                int line = rows.getCurrentLocation().getLineNr();
                String[] row = rows.next();
                if (isBlank(row)) {
                    continue;
                }
                if (columns == null) {
                    columns = header(file, row, line, problems);
                    if (columns == null) {
                        break;
                    }
                    continue;
                }
                try {
                    read.add(offerFromRow(row, columns));
                    lines.add(line);
                } catch (InvalidRequestException e) {
                    for (InvalidRequestException.Problem p : e.problems()) {
                        problems.add(new RuleProblem(file.name(), "line " + line + ", column \"" + p.field() + "\"",
                                p.message() + (p.value() == null ? "" : ", got '" + p.value() + "'")));
                    }
                }
            }
        } catch (IOException | RuntimeJsonMappingException e) {
            problems.add(notCsv(file, e, rows.getCurrentLocation().getLineNr()));
        }
        return finish(file, read, problems, i -> "line " + lines.get(i));
    }

    /**
     * Text that Jackson cannot read as CSV, placed at the line where it found it (or, when it says none,
     * where it stopped), in its own words without its account of where it was.
     */
    private static RuleProblem notCsv(RuleFile file, Exception e, int lineReached) {
        Throwable cause = e;
        JsonLocation at = null;
        while (true) {
            if (cause instanceof JsonProcessingException jpe && jpe.getLocation() != null) {
                at = jpe.getLocation();
            }
            if (cause.getCause() == null) {
                break;
            }
            cause = cause.getCause();
        }
        String reason = cause instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : cause.getMessage();
        reason = reason == null ? cause.getClass().getSimpleName() : reason.strip().lines().findFirst().orElse("");
        int line = at != null && at.getLineNr() > 0 ? at.getLineNr() : Math.max(1, lineReached);
        return new RuleProblem(file.name(), "line " + line, "is not valid CSV: " + reason);
    }

    private static Map<String, Integer> header(RuleFile file, String[] row, int line, List<RuleProblem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < row.length; c++) {
            String name = row[c].strip();
            String known = null;
            for (String k : CSV_COLUMNS) {
                if (k.equalsIgnoreCase(name)) {
                    known = k;
                }
            }
            if (known == null) {
                problems.add(new RuleProblem(file.name(), "line " + line + ", column " + (c + 1),
                        "'" + name + "' is not a catalog column; the columns are " + String.join(", ", CSV_COLUMNS)));
            } else {
                columns.put(known, c);
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                problems.add(new RuleProblem(file.name(), "line " + line, "the header has no '" + required + "' column"));
            }
        }
        return problems.isEmpty() ? columns : null;
    }

    private static Offer offerFromRow(String[] row, Map<String, Integer> columns) {
        return new Offer(
                cell(row, columns, "id"),
                cell(row, columns, "name"),
                parseKind(cell(row, columns, "kind")),
                cell(row, columns, "product"),
                cell(row, columns, "category"),
                parseChannels(cell(row, columns, "channels")),
                parseNumber(cell(row, columns, "value"), "value"),
                parseDate(cell(row, columns, "validFrom"), "validFrom"),
                parseDate(cell(row, columns, "validTo"), "validTo"),
                cell(row, columns, "script"),
                cell(row, columns, "program"),
                blank(cell(row, columns, "propensity")) ? null : parseNumber(cell(row, columns, "propensity"), "propensity"),
                blank(cell(row, columns, "coolDownDays")) ? null
                        : (int) parseWhole(cell(row, columns, "coolDownDays"), "coolDownDays"));
    }

    private static String cell(String[] row, Map<String, Integer> columns, String name) {
        Integer c = columns.get(name);
        return c == null || c >= row.length ? null : row[c].strip();
    }

    private static OfferKind parseKind(String value) {
        if (blank(value)) {
            throw new InvalidRequestException("kind", "is required", null);
        }
        try {
            return OfferKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("kind", "must be one of SERVICE, RETENTION, SALES, INFORMATION", value);
        }
    }

    private static Set<Channel> parseChannels(String value) {
        Set<Channel> channels = new LinkedHashSet<>();
        if (blank(value)) {
            return channels;
        }
        for (String part : value.split("[|;]")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                channels.add(Channel.valueOf(p.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("channels", "'" + p + "' is not a channel; the channels are "
                        + java.util.Arrays.toString(Channel.values()), value);
            }
        }
        return channels;
    }

    private static double parseNumber(String value, String field) {
        if (blank(value)) {
            throw new InvalidRequestException(field, "is required", null);
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, "is not a number", value);
        }
    }

    private static long parseWhole(String value, String field) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, "is not a whole number", value);
        }
    }

    private static LocalDate parseDate(String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "is not a date like 2026-11-23", value);
        }
    }

    private static OfferCatalog finish(RuleFile file, List<Offer> offers, List<RuleProblem> problems,
                                       java.util.function.IntFunction<String> place) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < offers.size(); i++) {
            Integer earlier = seen.putIfAbsent(offers.get(i).id(), i);
            if (earlier != null) {
                problems.add(new RuleProblem(file.name(), place.apply(i), "offer id '" + offers.get(i).id()
                        + "' is already used at " + place.apply(earlier)));
            }
        }
        if (problems.isEmpty() && offers.isEmpty()) {
            problems.add(new RuleProblem(file.name(), "", "holds no offers"));
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new OfferCatalog(offers);
    }

    private static RuleProblem problem(RuleFile file, InvalidRequestException e) {
        return new RuleProblem(file.name(), e.field(), e.problem());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean isBlank(String[] row) {
        for (String cell : row) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
