package io.nextbest.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.nextbest.Decision;
import io.nextbest.DecisionRequest;
import io.nextbest.InvalidRequestException;
import io.nextbest.validation.Names;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads requests and writes decisions as JSON. JSON names are the Java names. Every error names the
 * JSON path of the bad field and the bad value: {@code $.purchases[2].amount: must be a number of at
 * least 0, got -5.0}. Thread-safe: build one and share it.
 */
public final class JsonCodec {
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+)(?:, column: (\\d+))?\\]");
    /** Which of Jackson's settings a limit comes from, which means nothing to the writer of the JSON. */
    private static final Pattern SETTING = Pattern.compile(", from `[^`]*`");

    private final ObjectMapper mapper;
    private final ObjectWriter compact;
    private final ObjectWriter pretty;

    public JsonCodec() {
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                // JSON names are the record components only: helpers such as Decision.isOffer() are not fields.
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addModule(new SimpleModule("primitives")
                        .addDeserializer(int.class, new Primitive<>(int.class, 0))
                        .addDeserializer(double.class, new Primitive<>(double.class, 0.0))
                        .addDeserializer(boolean.class, new Primitive<>(boolean.class, false)))
                .build();
        this.compact = mapper.writer();
        this.pretty = mapper.writerWithDefaultPrettyPrinter();
    }

    /**
     * Reads one request.
     *
     * @throws InvalidRequestException naming the JSON path ({@code $.customer.id}) and the bad value
     */
    public DecisionRequest readRequest(String json) {
        return read(json, DecisionRequest.class);
    }

    /** Reads one JSON value of the given type, with the same errors as {@link #readRequest}. */
    public <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new InvalidRequestException("$", "is empty: expected a JSON object", null);
        }
        T value;
        JsonParser parser = null;
        try {
            parser = mapper.createParser(json);
            value = mapper.readValue(parser, type);
        } catch (IOException e) {
            throw translate(e, parser);
        } finally {
            close(parser);
        }
        if (value == null) {
            throw new InvalidRequestException("$", "expected a JSON object", "null");
        }
        return value;
    }

    /**
     * Reads any JSON document as a tree, for readers of other NextBest files.
     *
     * @throws InvalidRequestException naming where the document cannot be read
     */
    public JsonNode readTree(byte[] json) {
        JsonParser parser = null;
        try {
            parser = mapper.createParser(json);
            return mapper.readTree(parser);
        } catch (IOException e) {
            throw translate(e, parser);
        } finally {
            close(parser);
        }
    }

    private static void close(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // nothing was written, and the input is in memory: there is nothing to lose
            }
        }
    }

    /** Writes a decision on one line. */
    public String write(Object value) {
        try {
            return compact.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a decision indented, for people. */
    public String writePretty(Object value) {
        try {
            return pretty.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a decision back, for tests and tools that store decisions. */
    public Decision readDecision(String json) {
        return read(json, Decision.class);
    }

    /** The mapper, configured as above, for readers of other NextBest files. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** Turns a Jackson error into one that names the JSON path and the bad value. */
    public static InvalidRequestException translate(IOException e) {
        return translate(e, null);
    }

    /**
     * As {@link #translate(IOException)}, with the parser that failed, if there is one: Jackson's limits
     * on the size of numbers, strings and nesting fail with no place, and the parser still knows it.
     */
    private static InvalidRequestException translate(IOException e, JsonParser parser) {
        StreamConstraintsException limit = cause(e, StreamConstraintsException.class);
        if (limit != null) {
            String path = parser != null ? path(parser.getParsingContext())
                    : e instanceof JsonMappingException jme ? path(jme) : "$";
            JsonLocation l = parser == null ? null : parser.currentLocation();
            String where = l == null ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
            return new InvalidRequestException(path, "is too large to read" + where + ": "
                    + SETTING.matcher(firstLine(limit.getOriginalMessage())).replaceAll(""), null);
        }
        // Jackson wraps a syntax error met inside an object in a mapping error; unwrap it so that
        // malformed JSON is always reported as such, at its line and column.
        JsonParseException syntax = syntaxError(e);
        if (syntax != null || !(e instanceof JsonMappingException jme)) {
            String where = "";
            JsonLocation l = syntax == null ? null : syntax.getLocation();
            if (l != null) {
                where = " at line " + l.getLineNr() + ", column " + l.getColumnNr();
            }
            String original = syntax != null ? syntax.getOriginalMessage() : e.getMessage();
            return new InvalidRequestException("$", "malformed JSON" + where + ": " + withoutSource(original), null);
        }
        String path = path(jme);
        if (jme instanceof ValueInstantiationException && jme.getCause() instanceof InvalidRequestException ire) {
            return path.equals("$") ? ire.under("$") : ire.under(path);
        }
        Throwable cause = jme.getCause();
        while (cause != null) {
            if (cause instanceof InvalidRequestException ire) {
                return ire.under(path);
            }
            if (cause instanceof DateTimeException dte) {
                if (jme instanceof InvalidFormatException ife) {
                    return new InvalidRequestException(path, expected(ife.getTargetType()), ife.getValue());
                }
                return new InvalidRequestException(path, "is not valid: " + firstLine(dte.getMessage()), null);
            }
            cause = cause.getCause();
        }
        if (jme instanceof UnrecognizedPropertyException upe) {
            String name = upe.getPropertyName();
            return new InvalidRequestException(path, "is not a known field" + suggestion(name, upe.getKnownPropertyIds()),
                    null);
        }
        if (jme instanceof InvalidFormatException ife) {
            return new InvalidRequestException(path, expected(ife.getTargetType()), ife.getValue());
        }
        if (jme instanceof MismatchedInputException mie) {
            Class<?> target = mie.getTargetType();
            String msg = firstLine(mie.getOriginalMessage());
            if (msg.contains("Null value for creator property") || msg.contains("Cannot map `null`")) {
                return new InvalidRequestException(path, "must not be null", null);
            }
            if (msg.contains("Trailing token")) {
                return new InvalidRequestException("$", "holds more than one JSON value", null);
            }
            if (target != null) {
                return new InvalidRequestException(path, expected(target), null);
            }
            return new InvalidRequestException(path, msg, null);
        }
        return new InvalidRequestException(path, firstLine(jme.getOriginalMessage()), null);
    }

    private static JsonParseException syntaxError(Throwable e) {
        return cause(e, JsonParseException.class);
    }

    private static <X extends Throwable> X cause(Throwable e, Class<X> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Jackson's message without its "[Source: ...]" noise, which would only repeat the place. */
    private static String withoutSource(String message) {
        return SOURCE.matcher(firstLine(message)).replaceAll(
                m -> "line " + m.group(1) + (m.group(2) == null ? "" : ", column " + m.group(2)));
    }

    /**
     * The path of where a parser is, such as {@code $.purchases[2].amount}; only its first ten steps
     * when it is deeper, as it is when the nesting is too deep to read.
     */
    private static String path(JsonStreamContext context) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = context; c != null; c = c.getParent()) {
            chain.add(0, c);
        }
        chain = chain.subList(0, Math.min(chain.size(), 11));
        StringBuilder sb = new StringBuilder("$");
        for (JsonStreamContext c : chain) {
            if (c.inArray() && c.getCurrentIndex() >= 0) {
                sb.append('[').append(c.getCurrentIndex()).append(']');
            } else if (c.inObject() && c.getCurrentName() != null) {
                sb.append('.').append(c.getCurrentName());
            }
        }
        return sb.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number";
        }
        if (type == double.class || type == Double.class || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be a date like 2026-11-23";
        }
        if (type == Instant.class) {
            return "must be a time like 2026-11-23T14:05:00Z";
        }
        if (type == ZoneId.class) {
            return "must be a time zone like America/Chicago";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be a JSON object";
    }

    private static String suggestion(String name, Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        known.forEach(k -> names.add(String.valueOf(k)));
        names.sort(null);
        return Names.nearest(name, names).map(n -> ": did you mean '" + n + "'?")
                .orElse("; known fields: " + String.join(", ", names));
    }

    /**
     * A number or true/false field: an explicit {@code null} is an error, but a missing field takes
     * its default (0 or false). Jackson's FAIL_ON_NULL_FOR_PRIMITIVES alone rejects both, which would
     * make every optional number of a record required.
     */
    private static final class Primitive<T> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final JsonDeserializer<?> standard;
        private final T absent;

        Primitive(Class<T> type, T absent) {
            super(type);
            this.standard = NumberDeserializers.find(type, type.getName());
            this.absent = absent;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return (T) standard.deserialize(p, ctxt);
        }

        @Override
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return ctxt.reportInputMismatch(this, "Cannot map `null` into type %s", handledType().getName());
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) {
            return absent;
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
