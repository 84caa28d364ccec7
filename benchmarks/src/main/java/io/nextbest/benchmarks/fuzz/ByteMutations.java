package io.nextbest.benchmarks.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations that know nothing of the format: bit flips, bytes set to values that matter to parsers,
 * deletions, insertions, duplications, truncation and splicing with another seed. One to four of them
 * are applied in a row; each is written down in {@code how}.
 */
final class ByteMutations {
    /** Bytes that end, open or escape something in JSON, CSV, XML or UTF-8. */
    private static final byte[] SPECIAL = {0, '"', '\'', ',', ';', '|', '\n', '\r', '\t', ' ', '{', '}', '[', ']',
            ':', '\\', '<', '>', '/', '$', '-', '.', 'e', '0', '9', (byte) 0x80, (byte) 0xC3, (byte) 0xE2,
            (byte) 0xEF, (byte) 0xFF};
    /** Short runs of text that readers give a meaning to. */
    private static final List<String> TOKENS = List.of("null", "true", "\"\"", "-1", "1e400", "-0", "NaN",
            "99999999999999999999", "\u201C", "\uFEFF", "\uD83D\uDE00", "$param", "RuleTable", ",,,,", "\"\"\"",
            "\r\n", "\\u0000", "\\ud800", "{}", "[]", "[[[[", "}}}}", "<x>", "&amp;", "]]>", "PK\u0003\u0004");

    private ByteMutations() {
    }

    /** One to four mutations of {@code in}; {@code others} are the seeds a splice may take its tail from. */
    static byte[] mutate(byte[] in, List<byte[]> others, SplittableRandom random, StringBuilder how) {
        byte[] out = in;
        int times = 1 + (random.nextInt(4) == 0 ? random.nextInt(4) : 0);
        for (int i = 0; i < times; i++) {
            out = once(out, others, random, how);
        }
        return out;
    }

    private static byte[] once(byte[] in, List<byte[]> others, SplittableRandom random, StringBuilder how) {
        int n = in.length;
        int at = n == 0 ? 0 : random.nextInt(n);
        switch (random.nextInt(8)) {
            case 0 -> {
                if (n == 0) {
                    note(how, "insert 1 byte");
                    return insert(in, 0, new byte[] {SPECIAL[random.nextInt(SPECIAL.length)]});
                }
                int bit = random.nextInt(8);
                byte[] out = in.clone();
                out[at] ^= (byte) (1 << bit);
                note(how, "flip bit " + bit + " of byte " + at);
                return out;
            }
            case 1 -> {
                if (n == 0) {
                    return in;
                }
                byte[] out = in.clone();
                out[at] = random.nextBoolean() ? SPECIAL[random.nextInt(SPECIAL.length)] : (byte) random.nextInt(256);
                note(how, "byte " + at + " := 0x" + Integer.toHexString(out[at] & 0xFF));
                return out;
            }
            case 2 -> {
                int length = Math.min(n - at, 1 + random.nextInt(random.nextBoolean() ? 4 : 64));
                note(how, "delete " + length + " bytes at " + at);
                return cut(in, at, length);
            }
            case 3 -> {
                byte[] bytes;
                if (random.nextBoolean()) {
                    bytes = TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
                } else {
                    bytes = new byte[1 + random.nextInt(8)];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = random.nextBoolean() ? SPECIAL[random.nextInt(SPECIAL.length)]
                                : (byte) random.nextInt(256);
                    }
                }
                int to = random.nextInt(n + 1);
                note(how, "insert " + bytes.length + " bytes at " + to);
                return insert(in, to, bytes);
            }
            case 4 -> {
                if (n == 0) {
                    return in;
                }
                int length = Math.min(n - at, 1 + random.nextInt(256));
                byte[] chunk = Arrays.copyOfRange(in, at, at + length);
                int copies = random.nextInt(8) == 0 ? 2 + random.nextInt(50) : 1;
                byte[] repeated = new byte[chunk.length * copies];
                for (int i = 0; i < copies; i++) {
                    System.arraycopy(chunk, 0, repeated, i * chunk.length, chunk.length);
                }
                int to = random.nextInt(n + 1);
                note(how, "copy " + length + " bytes from " + at + " to " + to + (copies > 1 ? ", " + copies + " times" : ""));
                return insert(in, to, repeated);
            }
            case 5 -> {
                note(how, "truncate to " + at + " of " + n + " bytes");
                return Arrays.copyOf(in, at);
            }
            case 6 -> {
                if (others.isEmpty()) {
                    return in;
                }
                int which = random.nextInt(others.size());
                byte[] other = others.get(which);
                int from = other.length == 0 ? 0 : random.nextInt(other.length);
                byte[] out = Arrays.copyOf(in, at + other.length - from);
                System.arraycopy(other, from, out, at, other.length - from);
                note(how, "splice: first " + at + " bytes, then seed " + which + " from byte " + from);
                return out;
            }
            default -> {
                if (n < 2) {
                    return in;
                }
                int other = random.nextInt(n);
                byte[] out = in.clone();
                out[at] = in[other];
                out[other] = in[at];
                note(how, "swap bytes " + at + " and " + other);
                return out;
            }
        }
    }

    private static byte[] insert(byte[] in, int at, byte[] bytes) {
        byte[] out = new byte[in.length + bytes.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(in, at, out, at + bytes.length, in.length - at);
        return out;
    }

    private static byte[] cut(byte[] in, int at, int length) {
        byte[] out = new byte[in.length - length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, at + length, out, at, in.length - at - length);
        return out;
    }

    static void note(StringBuilder how, String step) {
        boolean first = how.length() == 0 || how.charAt(how.length() - 1) == ' ';
        how.append(first ? "" : "; ").append(step);
    }
}
