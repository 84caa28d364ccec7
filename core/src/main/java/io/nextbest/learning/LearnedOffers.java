package io.nextbest.learning;

import io.nextbest.OfferCatalog;
import io.nextbest.RulePack;
import io.nextbest.RuleProblem;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which offers arbitrate on a learned propensity, as a pack's {@code learning.csv} says: one line a choice,
 * {@code target,propensity,meaning}, the target an offer id or a program of the catalog, the propensity
 * {@code rules} or {@code learned}. An offer's own line wins over its program's; offers it does not name
 * keep the rules' propensity, and so does every offer of a pack without the file.
 *
 * <pre>
 * target,propensity,meaning
 * retention,learned,retention offers have thousands of outcomes a month
 * RET-CONTRACT-RENEWAL,rules,the new renewal terms start next month: the rules know them better
 * </pre>
 */
public final class LearnedOffers {
    /** The file's name in a pack. */
    public static final String FILE = "learning.csv";
    private static final List<String> COLUMNS = List.of("target", "propensity", "meaning");

    private final boolean[] learned;

    private LearnedOffers(boolean[] learned) {
        this.learned = learned;
    }

    /** The choices of the pack for its catalog; every mistake goes to {@code problems}, at its line and column. */
    public static LearnedOffers read(RulePack pack, OfferCatalog catalog, List<RuleProblem> problems) {
        boolean[] learned = new boolean[catalog.size()];
        RulePack.RuleFile file = pack.files().stream().filter(f -> f.name().equals(FILE)).findFirst().orElse(null);
        if (file == null) {
            return new LearnedOffers(learned);
        }
        Map<String, Boolean> byOffer = new HashMap<>();
        Map<String, Boolean> byProgram = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (CsvRows.Row row : CsvRows.read(FILE, file.text(), COLUMNS, problems)) {
            String target = row.cells()[0];
            String choice = row.cells()[1].toLowerCase(Locale.ROOT);
            boolean isOffer = catalog.find(target).isPresent();
            Integer before = lines.putIfAbsent(target, row.line());
            if (!choice.equals("rules") && !choice.equals("learned")) {
                problems.add(new RuleProblem(FILE, row.at("propensity"), "'" + row.cells()[1]
                        + "' is neither rules nor learned"));
            } else if (!isOffer && !catalog.programs().contains(target)) {
                problems.add(new RuleProblem(FILE, row.at("target"), "'" + target
                        + "' is neither an offer nor a program of the catalog"));
            } else if (before != null) {
                problems.add(new RuleProblem(FILE, row.at("target"), "'" + target + "' is chosen already on line "
                        + before));
            } else {
                (isOffer ? byOffer : byProgram).put(target, choice.equals("learned"));
            }
        }
        for (int i = 0; i < learned.length; i++) {
            Boolean own = byOffer.get(catalog.get(i).id());
            learned[i] = own != null ? own : byProgram.getOrDefault(catalog.get(i).program(), false);
        }
        return new LearnedOffers(learned);
    }

    /** True if the offer at this catalog position arbitrates on its learned propensity. */
    public boolean learned(int offer) {
        return learned[offer];
    }

    /** True if no offer does. */
    public boolean none() {
        for (boolean b : learned) {
            if (b) {
                return false;
            }
        }
        return true;
    }
}
