package io.nextbest.learning;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file models are saved in: JSON, every number as Java writes it (so read back to the same bits),
 * with the predictors they were learned on, so that models are never read against other predictors.
 */
final class ModelFile {
    static final int FORMAT = 1;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The file's content. */
    record Saved(int format, String predictors, Map<String, OnlineModel.State> models) {
    }

    private ModelFile() {
    }

    static void write(Path file, Predictors predictors, Map<String, OnlineModel.State> models) {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.writeString(temporary, text(predictors, models));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the models to " + file, e);
        }
    }

    /** The models as the file holds them: what a database keeps in a text column. */
    static String text(Predictors predictors, Map<String, OnlineModel.State> models) {
        try {
            return JSON.writeValueAsString(new Saved(FORMAT, predictors.signature(), new TreeMap<>(models)));
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write the models as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, OnlineModel.State> read(Path file, Predictors predictors) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the models from " + file, e);
        }
        return parse(file.toString(), text, predictors);
    }

    /** The models in {@code text}, which {@link #text} wrote; {@code source} names where it came from. */
    static Map<String, OnlineModel.State> parse(String source, String text, Predictors predictors) {
        Saved saved;
        try {
            saved = JSON.readValue(text, Saved.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(source + ": is not a models file: " + e.getOriginalMessage());
        }
        if (saved == null || saved.models() == null) {
            throw new IllegalArgumentException(source + ": is not a models file: it holds no models");
        }
        if (saved.format() != FORMAT) {
            throw new IllegalArgumentException(source + ": is a models file of format " + saved.format()
                    + ", this version reads format " + FORMAT);
        }
        if (!predictors.signature().equals(saved.predictors())) {
            throw new IllegalArgumentException(source + ": its models were learned on other predictors ("
                    + saved.predictors() + "), not on " + predictors.signature() + ": they cannot be used");
        }
        for (Map.Entry<String, OnlineModel.State> e : saved.models().entrySet()) {
            OnlineModel.State s = e.getValue();
            int weights = 1 + predictors.size() + s.symbols().size();
            if (s.weights().length != weights || s.squaredGradients().length != weights
                    || s.mean().length != predictors.size() || s.seen().length != predictors.size()
                    || s.recentEstimates().length != s.recentOutcomes().length) {
                throw new IllegalArgumentException(source + ", model \"" + e.getKey() + "\": its arrays do not fit "
                        + "its predictors and symbols: the file was edited or cut short");
            }
        }
        return saved.models();
    }
}
