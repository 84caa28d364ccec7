package io.nextbest.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.nextbest.Decision;
import io.nextbest.DecisionRequest;
import io.nextbest.InvalidRequestException;
import io.nextbest.Score;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * Reads requests and writes decisions as JSON. JSON names are the Java names. Every bad field of a
 * request is reported at once, each at its JSON path with the bad value:
 * {@code $.purchases[2].amount: must be a number of at least 0, got -5.0}. Thread-safe: build one and
 * share it.
 *
 * <p>The numbers of a decision's {@link Score} are written with at most
 * {@value #SIGNIFICANT_DIGITS} significant digits, in their shortest form: {@code 168.48}, not the
 * {@code 168.48000000000002} that the multiplication leaves. The Java values are not changed; a score
 * read back may differ from the original in its last bits, and writes the same JSON again.
 */
public final class JsonCodec {
    /** Significant digits of a score written as JSON: far more than a ranking needs, far fewer than float noise. */
    private static final int SIGNIFICANT_DIGITS = 12;

    private final ObjectMapper mapper;
    private final ObjectReader trees;
    private final ObjectWriter compact;
    private final ObjectWriter pretty;
    private final TreeReader records;

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
                // The shortest text that reads back as the same double, on every JDK (17's Double.toString is not).
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .addModule(new SimpleModule("scores").setSerializerModifier(new RoundedScores()))
                .build();
        this.trees = mapper.reader();
        this.compact = mapper.writer();
        this.pretty = mapper.writerWithDefaultPrettyPrinter();
        this.records = new TreeReader(mapper);
    }

    /**
     * Reads one request.
     *
     * @throws InvalidRequestException with every problem, each naming its JSON path ({@code $.customer.id})
     *                                 and the bad value
     */
    public DecisionRequest readRequest(String json) {
        return read(json, DecisionRequest.class);
    }

    /**
     * Reads one JSON value of the given type. A record (a request, a customer, an offer...) is read as
     * {@link #readRequest} reads a request, with every problem at once; another type is read by Jackson,
     * which stops at the first.
     */
    public <T> T read(String json, Class<T> type) {
        JsonNode tree = tree(json);
        if (type.isRecord()) {
            return records.read(tree, type);
        }
        try {
            return trees.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw translate(e);
        }
    }

    /** Reads a decision back, for tests and tools that store decisions. */
    public Decision readDecision(String json) {
        try {
            return trees.treeToValue(tree(json), Decision.class);
        } catch (JsonProcessingException e) {
            throw translate(e);
        }
    }

    /** Writes a decision, or any value, on one line. */
    public String write(Object value) {
        try {
            return compact.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a decision, or any value, indented, for people. */
    public String writePretty(Object value) {
        try {
            return pretty.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A reader with the codec's settings, for readers of other NextBest files ({@code reader().readTree(...)}).
     * Readers are immutable: configuring one makes a new reader and leaves the codec as it was.
     */
    public ObjectReader reader() {
        return trees;
    }

    /**
     * Reads any JSON document as a tree, for readers of other NextBest files. Unlike
     * {@code reader().readTree(...)}, a document beyond Jackson's limits (a number too long, nesting too
     * deep) is reported where it goes beyond them.
     *
     * @return the tree, or null for a document with no value
     * @throws InvalidRequestException naming where the document cannot be read
     */
    public JsonNode readTree(byte[] json) {
        JsonParser parser = null;
        try {
            parser = trees.createParser(json);
            return trees.readTree(parser);
        } catch (IOException e) {
            throw JsonProblems.translate(e, parser);
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

    /** Turns a Jackson error into one that names the JSON path and the bad value. */
    public static InvalidRequestException translate(IOException e) {
        return JsonProblems.translate(e);
    }

    private JsonNode tree(String json) {
        if (json == null || json.isBlank()) {
            throw new InvalidRequestException("$", "is empty: expected a JSON object", null);
        }
        JsonNode tree;
        JsonParser parser = null;
        try {
            parser = trees.createParser(json);
            tree = trees.readTree(parser);
        } catch (IOException e) {
            throw JsonProblems.translate(e, parser);
        } finally {
            close(parser);
        }
        if (tree == null || tree.isNull()) {
            throw new InvalidRequestException("$", "expected a JSON object", "null");
        }
        return tree;
    }

    /** Writes every number of a {@link Score} rounded to {@link #SIGNIFICANT_DIGITS} significant digits. */
    private static final class RoundedScores extends BeanSerializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                         List<BeanPropertyWriter> properties) {
            if (bean.getBeanClass() == Score.class) {
                for (BeanPropertyWriter property : properties) {
                    Class<?> type = property.getType().getRawClass();
                    if (type == double.class || type == Double.class) {
                        property.assignSerializer(ROUNDED);
                    }
                }
            }
            return properties;
        }
    }

    private static final JsonSerializer<Object> ROUNDED = new JsonSerializer<>() {
        private final MathContext digits = new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN);

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            double d = ((Number) value).doubleValue();
            gen.writeNumber(Double.isFinite(d) ? new BigDecimal(d).round(digits).doubleValue() : d);
        }
    };
}
