package io.nextbest.json;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.nextbest.InvalidRequestException;
import io.nextbest.InvalidRequestException.Problem;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads records from a JSON tree field by field, collecting every problem on the way. Binding a record
 * with Jackson stops at the first bad field; reading each field on its own, and building each record
 * with whatever fields read well, lets one run report every mistake of a request, each at its JSON path.
 * Single values (numbers, text, dates, enums) are still read by Jackson, with the codec's settings.
 */
final class TreeReader {
    /** A value that could not be read; its problems are already reported. */
    private static final Object FAILED = new Object();

    private final ObjectMapper mapper;
    private final Map<Type, ObjectReader> valueReaders = new ConcurrentHashMap<>();
    private final ClassValue<Shape> shapes = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    TreeReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Reads a record. @throws InvalidRequestException with every problem, each at its JSON path */
    <T> T read(JsonNode node, Class<T> type) {
        List<Problem> problems = new ArrayList<>();
        Object value = value(node, type, "$", problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return type.cast(value);
    }

    private Object value(JsonNode node, Type type, String path, List<Problem> problems) {
        Class<?> raw = raw(type);
        if (node == null || node.isMissingNode()) {
            return absent(raw);
        }
        if (node.isNull()) {
            if (raw.isPrimitive()) {
                problems.add(new Problem(path, "must not be null", null));
                return FAILED;
            }
            return null;
        }
        if (raw.isRecord()) {
            return node.isObject() ? record(node, raw, path, problems) : wrongType(node, raw, path, problems);
        }
        if (raw == List.class || raw == Set.class || raw == Collection.class) {
            return node.isArray() ? collection(node, raw, argument(type, 0), path, problems)
                    : wrongType(node, raw, path, problems);
        }
        if (raw == Map.class && node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            boolean failed = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Object v = value(e.getValue(), argument(type, 1), path + "." + e.getKey(), problems);
                failed |= v == FAILED;
                map.put(e.getKey(), v);
            }
            return failed ? FAILED : map;
        }
        try {
            return valueReaders.computeIfAbsent(type, t -> mapper.readerFor(mapper.constructType(t))).readValue(node);
        } catch (IOException | RuntimeException e) {
            return wrongType(node, raw, path, problems);
        }
    }

    private Object record(JsonNode node, Class<?> type, String path, List<Problem> problems) {
        Shape shape = shapes.get(type);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!shape.names().contains(name)) {
                problems.add(new Problem(path + "." + name, JsonProblems.unknownField(name, shape.names()), null));
            }
        }
        int before = problems.size();
        RecordComponent[] components = shape.components();
        Object[] args = new Object[components.length];
        Set<String> failed = new HashSet<>();
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Object v = value(node.get(name), components[i].getGenericType(), path + "." + name, problems);
            if (v == FAILED) {
                failed.add(name);
                v = absent(components[i].getType());
            }
            args[i] = v;
        }
        try {
            Object built = shape.constructor().newInstance(args);
            return problems.size() > before ? FAILED : built;
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof InvalidRequestException ire)) {
                throw new IllegalStateException("cannot build " + type.getSimpleName() + " at " + path, e.getCause());
            }
            // A field already reported was replaced by its default, which the record may refuse again.
            for (Problem p : ire.problems()) {
                if (!failed.contains(component(p.field()))) {
                    problems.add(p.under(path));
                }
            }
            return FAILED;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private Object collection(JsonNode node, Class<?> raw, Type element, String path, List<Problem> problems) {
        Collection<Object> values = raw == Set.class ? new LinkedHashSet<>() : new ArrayList<>();
        boolean failed = false;
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode item = node.get(i);
            if (item.isNull()) {
                // No list of a request may hold null; said here, where the index is known.
                problems.add(new Problem(at, "must not be null", null));
                failed = true;
                continue;
            }
            Object v = value(item, element, at, problems);
            if (v == FAILED) {
                failed = true;
            } else {
                values.add(v);
            }
        }
        return failed ? FAILED : values;
    }

    private static Object wrongType(JsonNode node, Class<?> type, String path, List<Problem> problems) {
        Object shown = node.isTextual() ? node.textValue() : node.isNumber() ? node.numberValue()
                : node.isBoolean() ? node.booleanValue() : null;
        problems.add(new Problem(path, JsonProblems.expected(type), shown));
        return FAILED;
    }

    /** The value of a missing field: the record decides whether that is an error or a default. */
    private static Object absent(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type.isPrimitive()) {
            throw new IllegalArgumentException("no default for " + type);
        }
        return null;
    }

    /** The record component a problem's field names: {@code purchases} for {@code purchases[2].amount}. */
    private static String component(String field) {
        int end = field.length();
        for (int i = 0; i < field.length(); i++) {
            if (field.charAt(i) == '.' || field.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        return field.substring(0, end);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** A record's components, their JSON names and its canonical constructor. */
    private record Shape(RecordComponent[] components, Set<String> names, Constructor<?> constructor) {
        static Shape of(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Set<String> names = new LinkedHashSet<>();
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                names.add(components[i].getName());
            }
            try {
                return new Shape(components, Set.copyOf(names), type.getDeclaredConstructor(types));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
        }
    }
}
