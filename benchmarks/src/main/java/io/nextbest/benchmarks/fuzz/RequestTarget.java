package io.nextbest.benchmarks.fuzz;

import io.nextbest.DecisionRequest;
import io.nextbest.benchmarks.Traffic;
import io.nextbest.json.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JSON request reader, {@code JsonCodec.readRequest}, fed the example requests and requests of
 * the benchmarks' traffic, mutated as JSON and as bytes.
 */
final class RequestTarget {
    static final String CONSUMER = "JsonCodec.readRequest";

    private RequestTarget() {
    }

    /** {@code examples}: the folder of example requests, {@code *.json} and {@code *.jsonl} files. */
    static Target create(Path examples) {
        List<Input> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(examples)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".json")) {
                    seeds.add(seed(name, Files.readString(f)));
                } else if (name.endsWith(".jsonl")) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        if (!lines.get(i).isBlank()) {
                            seeds.add(seed(name + " line " + (i + 1), lines.get(i)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example requests in " + examples, e);
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no example requests in " + examples);
        }
        JsonCodec codec = new JsonCodec();
        List<DecisionRequest> traffic = Traffic.seeded(Fuzz.DEFAULT_SEED).purchases(3).contacts(2).requests(10);
        for (int i = 0; i < traffic.size(); i++) {
            seeds.add(seed("traffic request " + i, codec.write(traffic.get(i))));
        }
        return new FileTarget("json-request", CONSUMER, seeds, JsonMutations::mutate, input -> {
            Throwable thrown = null;
            try {
                codec.readRequest(new String(input.content(), StandardCharsets.UTF_8));
            } catch (Throwable t) {
                thrown = t;
            }
            return Oracle.request(CONSUMER, thrown);
        });
    }

    private static Input seed(String name, String json) {
        return new Input("request.json", json.getBytes(StandardCharsets.UTF_8), "seed " + name);
    }
}
