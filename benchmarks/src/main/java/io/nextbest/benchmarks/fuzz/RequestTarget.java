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
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The JSON request reader, {@code JsonCodec.readRequest}, fed the example requests and requests of
 * the benchmarks' traffic, mutated as JSON and as bytes.
 */
final class RequestTarget implements Target {
    static final String CONSUMER = "JsonCodec.readRequest";
    private final JsonCodec codec = new JsonCodec();
    private final List<Input> seeds = new ArrayList<>();
    private final List<byte[]> bytes = new ArrayList<>();

    /** {@code examples}: the folder of example requests, {@code *.json} and {@code *.jsonl} files. */
    RequestTarget(Path examples) {
        try (Stream<Path> files = Files.list(examples)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".json")) {
                    add(name, Files.readString(f));
                } else if (name.endsWith(".jsonl")) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        if (!lines.get(i).isBlank()) {
                            add(name + " line " + (i + 1), lines.get(i));
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
        List<DecisionRequest> traffic = Traffic.seeded(Fuzz.DEFAULT_SEED).purchases(3).contacts(2).requests(10);
        for (int i = 0; i < traffic.size(); i++) {
            add("traffic request " + i, codec.write(traffic.get(i)));
        }
    }

    private void add(String name, String json) {
        seeds.add(new Input("request.json", json.getBytes(StandardCharsets.UTF_8), "seed " + name));
        bytes.add(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return "json-request";
    }

    @Override
    public List<String> consumers() {
        return List.of(CONSUMER);
    }

    @Override
    public List<Input> seeds() {
        return seeds;
    }

    @Override
    public Input mutate(SplittableRandom random) {
        int which = random.nextInt(seeds.size());
        StringBuilder how = new StringBuilder(seeds.get(which).how()).append(": ");
        byte[] content = random.nextInt(10) < 7 ? JsonMutations.mutate(bytes.get(which), bytes, random, how)
                : ByteMutations.mutate(bytes.get(which), bytes, random, how);
        return new Input("request.json", content, how.toString());
    }

    @Override
    public List<Verdict> read(Input input) {
        Throwable thrown = null;
        try {
            codec.readRequest(new String(input.content(), StandardCharsets.UTF_8));
        } catch (Throwable t) {
            thrown = t;
        }
        return List.of(Oracle.request(CONSUMER, thrown));
    }
}
