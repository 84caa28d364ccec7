package io.nextbest.examples.replay;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The two real data sets a replay knows: how their files are written, which part tunes the rules and
 * which part is reported, and what a day is.
 */
public enum DataSet {
    /**
     * IBM's telco customers, one line each. A customer is in the report part when the CRC-32 of its
     * {@code customerID} modulo 100 is 70 or more: a fixed 70/30 split that does not depend on file order.
     */
    TELCO("telco", ',', "customers", "churners", "Telco customer churn: a retention program"),
    /**
     * The bank's outbound calls, in date order. The earliest 75% of lines tune the rules; the latest 25%
     * are reported, in date order. The file has no date column: a day is a run of consecutive lines with
     * the same {@code month} and {@code day_of_week} (the next call day always differs in one of them).
     */
    BANK("bank", ';', "clients", "subscribers", "Bank telemarketing: an outbound term-deposit offer");

    /** The files of each replay pack, in the order they are read from the class path. */
    public static final List<String> PACK_FILES = List.of("pack.properties", "catalog.json", "eligibility.drl.csv",
            "arbitration.drl.csv", "mapping.csv", "predictors.csv");
    /** Where the packs are on the class path (the rules module carries {@code rules/replay/}). */
    public static final String PACK_FOLDER = "io/nextbest/rules/replay/";

    /** The share of the data that tunes the rules. */
    static final double TRAINING_SHARE = 0.75;
    static final int TELCO_TRAINING_PERCENT = 70;

    private final String id;
    private final char separator;
    private final String people;
    private final String positives;
    private final String title;

    DataSet(String id, char separator, String people, String positives, String title) {
        this.id = id;
        this.separator = separator;
        this.people = people;
        this.positives = positives;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public char separator() {
        return separator;
    }

    /** What the data's lines are, in words: customers, clients. */
    public String people() {
        return people;
    }

    /** What its positives are, in words: churners, subscribers. */
    public String positives() {
        return positives;
    }

    public String title() {
        return title;
    }

    /** True if the data is in date order, so that it is replayed in that order and has days. */
    public boolean dated() {
        return this == BANK;
    }

    /** The day of a line; empty for data without dates. */
    String day(DataFile.Row row) {
        return dated() ? row.get("month") + " " + row.get("day_of_week") : "";
    }

    /** True if the customer, the {@code index}-th of {@code total} read in file order, belongs to the report part. */
    boolean inReport(Case c, int index, int total) {
        if (dated()) {
            return index >= (int) Math.floor(total * TRAINING_SHARE);
        }
        return bucket(c.id()) >= TELCO_TRAINING_PERCENT;
    }

    /** A customer id's bucket, 0 to 99: the CRC-32 of its UTF-8 bytes, modulo 100. */
    static int bucket(String customerId) {
        CRC32 crc = new CRC32();
        crc.update(customerId.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % 100);
    }

    /** The data set of the given name, {@code telco} or {@code bank}. */
    public static DataSet of(String name) {
        for (DataSet d : values()) {
            if (d.id.equalsIgnoreCase(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a data set: telco or bank");
    }
}
