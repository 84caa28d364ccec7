package io.nextbest.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.nextbest.InvalidRequestException;
import io.nextbest.text.Names;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** The words of JSON errors: what a field must be, the nearest known field name, Jackson's errors translated. */
final class JsonProblems {
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?line: (\\d+)(?:, column: (\\d+))?\\]");
    /** Which of Jackson's settings a limit comes from, which means nothing to the writer of the JSON. */
    private static final Pattern SETTING = Pattern.compile(", from `[^`]*`");

    private JsonProblems() {
    }

    /** Turns a Jackson error into one that names the JSON path and, where there is one, the bad value. */
    static InvalidRequestException translate(IOException e) {
        return translate(e, null);
    }

    /**
     * As {@link #translate(IOException)}, with the parser that failed, if there is one: Jackson's limits
     * on the size of numbers, strings and nesting fail with no place, and the parser still knows it.
     */
    static InvalidRequestException translate(IOException e, JsonParser parser) {
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
        for (Throwable cause = jme.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidRequestException ire) {
                return ire.under(path);
            }
        }
        if (jme instanceof UnrecognizedPropertyException upe) {
            return new InvalidRequestException(path, unknownField(upe.getPropertyName(), upe.getKnownPropertyIds()),
                    null);
        }
        if (jme instanceof InvalidFormatException ife) {
            return new InvalidRequestException(path, expected(ife.getTargetType()), ife.getValue());
        }
        String message = firstLine(jme.getOriginalMessage());
        if (jme instanceof MismatchedInputException mie) {
            if (message.contains("Trailing token")) {
                return new InvalidRequestException("$", "holds more than one JSON value", null);
            }
            if (mie.getTargetType() != null) {
                return new InvalidRequestException(path, expected(mie.getTargetType()), null);
            }
        }
        return new InvalidRequestException(path, message, null);
    }

    /** What a value of the type must be, in words: {@code "must be a whole number"}. */
    static String expected(Class<?> type) {
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

    /** "is not a known field", with the nearest known name or else the list of them. */
    static String unknownField(String name, Collection<?> known) {
        if (known == null || known.isEmpty()) {
            return "is not a known field";
        }
        List<String> names = new ArrayList<>();
        known.forEach(k -> names.add(String.valueOf(k)));
        names.sort(null);
        return "is not a known field" + Names.nearest(name, names).map(n -> ": did you mean '" + n + "'?")
                .orElse(" (known fields: " + String.join(", ", names) + ")");
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

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
