package io.nextbest.benchmarks.fuzz;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A reader of one kind of file with one API: its seeds, mutated seven times in ten by a mutation that
 * knows their format and otherwise byte by byte, and the reading and judging of an input.
 */
final class FileTarget implements Target {

    /** A mutation that knows the format of the seeds. */
    interface Mutation {
        byte[] mutate(byte[] seed, List<byte[]> others, SplittableRandom random, StringBuilder how);
    }

    private final String name;
    private final String consumer;
    private final List<Input> seeds;
    private final List<byte[]> bytes;
    private final Mutation structural;
    private final Function<Input, Verdict> reader;

    /** {@code reader}: reads an input with {@code consumer} and judges it; never throws. */
    FileTarget(String name, String consumer, List<Input> seeds, Mutation structural, Function<Input, Verdict> reader) {
        this.name = name;
        this.consumer = consumer;
        this.seeds = List.copyOf(seeds);
        this.bytes = seeds.stream().map(Input::content).toList();
        this.structural = structural;
        this.reader = reader;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> consumers() {
        return List.of(consumer);
    }

    @Override
    public List<Input> seeds() {
        return seeds;
    }

    @Override
    public Input mutate(SplittableRandom random) {
        Input seed = seeds.get(random.nextInt(seeds.size()));
        StringBuilder how = new StringBuilder(seed.how()).append(": ");
        byte[] content = random.nextInt(10) < 7 ? structural.mutate(seed.content(), bytes, random, how)
                : ByteMutations.mutate(seed.content(), bytes, random, how);
        return new Input(seed.name(), content, how.toString());
    }

    @Override
    public List<Verdict> read(Input input) {
        return List.of(reader.apply(input));
    }
}
