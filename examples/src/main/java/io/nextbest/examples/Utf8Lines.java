package io.nextbest.examples;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 text line by line, strictly. A reader of the JDK either replaces bytes that are not
 * UTF-8 without a word or fails the whole input; here each line says whether it is UTF-8, so that a
 * bad line is reported by its number and the others are still read.
 */
final class Utf8Lines implements Closeable {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final InputStream in;
    private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int number;
    private boolean ended;

    /**
     * One line, without its line break.
     *
     * @param number the line's number, from 1
     * @param text   the line's text; where it is not UTF-8, with U+FFFD for each bad sequence
     * @param error  why the line is not UTF-8 text, or {@code null} if it is
     */
    record Line(int number, String text, String error) {
        boolean isBlank() {
            return error == null && text.isBlank();
        }
    }

    Utf8Lines(InputStream in) {
        this.in = new BufferedInputStream(in);
    }

    /** The next line, or {@code null} at the end of the input. */
    Line next() throws IOException {
        if (ended) {
            return null;
        }
        bytes.reset();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            bytes.write(b);
        }
        if (b == -1) {
            ended = true;
            if (bytes.size() == 0) {
                return null;
            }
        }
        byte[] line = bytes.toByteArray();
        int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
        number++;
        String error = check(line, length);
        String text = new String(line, 0, length, StandardCharsets.UTF_8);
        if (number == 1 && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
            text = text.substring(1); // as some Windows editors write at the start of a file
        }
        return new Line(number, text, error);
    }

    /** Why the bytes are not UTF-8, naming the first bad byte and where it is; {@code null} if they are. */
    private String check(byte[] line, int length) {
        ByteBuffer input = ByteBuffer.wrap(line, 0, length);
        CoderResult result = strict.reset().decode(input, CharBuffer.allocate(length), true);
        if (!result.isError()) {
            return null;
        }
        int at = input.position();
        return String.format("is not UTF-8 text: byte 0x%02X at byte %d of the line", line[at] & 0xFF, at + 1);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
