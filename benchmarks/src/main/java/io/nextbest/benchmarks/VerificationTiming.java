package io.nextbest.benchmarks;

import io.nextbest.RulePack.RuleFile;
import io.nextbest.validation.Validator;
import io.nextbest.validation.Finding;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How long table verification takes on a 500-row decision table (conflicts, duplicates, rows that
 * never fire): reading the table and verifying it, ten times in one JVM, the first time cold.
 */
public final class VerificationTiming {
    private static final String[] INTENTS = {"BILLING", "PAYMENT", "COMPLAINT", "TECHNICAL_SUPPORT", "CANCELLATION",
            "UPGRADE"};
    private static final String[] CHANNELS = {"INBOUND_VOICE", "CHAT", "IVR", "WEB"};

    private VerificationTiming() {
    }

    /** A suitability-style table of {@code rows} rows over tenure, churn risk, intent, channel and resolution. */
    static RuleFile table(int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder()
                .append("RuleSet,io.nextbest.rules.suitability\n")
                .append("Import,io.nextbest.facts.Situation\n")
                .append(",\n")
                .append("RuleTable Big\n")
                .append("NAME,CONDITION,CONDITION,CONDITION,CONDITION,CONDITION,CONDITION,ACTION\n")
                .append(",$s : Situation...,$s : Situation...,$s : Situation...,$s : Situation...,$s : Situation...,"
                        + "$s : Situation...,\n")
                .append(",tenureMonths >= $param,tenureMonths < $param,churnRisk >= $param,\"intent == \"\"$param\"\"\","
                        + "\"channel == \"\"$param\"\"\",resolved == $param,\"$s.leaveOut(drools, \"\"$param\"\");\"\n")
                .append("Rule,Tenure from,Tenure below,Risk at least,Intent,Channel,Resolved,Leave out\n");
        for (int i = 0; i < rows; i++) {
            int from = random.nextInt(50);
            csv.append("Rule ").append(i).append(',')
                    .append(random.nextDouble() < 0.7 ? String.valueOf(from) : "").append(',')
                    .append(random.nextDouble() < 0.7 ? String.valueOf(from + 1 + random.nextInt(30)) : "").append(',')
                    .append(random.nextDouble() < 0.5 ? String.valueOf(random.nextInt(100) / 100.0) : "").append(',')
                    .append(random.nextDouble() < 0.6 ? INTENTS[random.nextInt(INTENTS.length)] : "").append(',')
                    .append(random.nextDouble() < 0.5 ? CHANNELS[random.nextInt(CHANNELS.length)] : "").append(',')
                    .append(random.nextDouble() < 0.3 ? String.valueOf(random.nextBoolean()) : "").append(',')
                    .append("kind SALES\n");
        }
        return RuleFile.of("big.drl.csv", csv.toString());
    }

    public static void main(String[] args) {
        RuleFile file = table(500, 20261123);
        Validator validator = new Validator(VerificationTiming.class.getClassLoader());
        long[] ms = new long[10];
        int findings = 0;
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            List<Finding> f = validator.verify(file);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
            findings = f.size();
        }
        long[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.println("Verify a 500-row table (read it and check every pair of rows), 10 times: first (cold) "
                + ms[0] + " ms, median " + sorted[ms.length / 2] + " ms, max " + sorted[ms.length - 1] + " ms; "
                + findings + " findings");
    }
}
