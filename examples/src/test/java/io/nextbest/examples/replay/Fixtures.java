package io.nextbest.examples.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Small synthetic data sets in the real files' formats, made for the tests: no line of the real data. */
public final class Fixtures {
    public static final String TELCO_HEADER = "customerID,gender,SeniorCitizen,Partner,Dependents,tenure,PhoneService,"
            + "MultipleLines,InternetService,OnlineSecurity,OnlineBackup,DeviceProtection,TechSupport,StreamingTV,"
            + "StreamingMovies,Contract,PaperlessBilling,PaymentMethod,MonthlyCharges,TotalCharges,Churn";
    public static final String BANK_HEADER = "\"age\";\"job\";\"marital\";\"education\";\"default\";\"housing\";\"loan\";"
            + "\"contact\";\"month\";\"day_of_week\";\"duration\";\"campaign\";\"pdays\";\"previous\";\"poutcome\";"
            + "\"emp.var.rate\";\"cons.price.idx\";\"cons.conf.idx\";\"euribor3m\";\"nr.employed\";\"y\"";

    private Fixtures() {
    }

    /** Telco customers: month-to-month, short-tenure fiber customers leave more often. */
    public static List<String> telcoLines(int customers, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(List.of(TELCO_HEADER));
        String[] contracts = {"Month-to-month", "One year", "Two year"};
        String[] internet = {"DSL", "Fiber optic", "No"};
        for (int i = 0; i < customers; i++) {
            String contract = contracts[random.nextInt(3)];
            String service = internet[random.nextInt(3)];
            int tenure = 1 + random.nextInt(72);
            double monthly = 20 + random.nextInt(90);
            double risk = (contract.equals("Month-to-month") ? 0.4 : 0.05) + (service.equals("Fiber optic") ? 0.2 : 0)
                    + (tenure < 12 ? 0.2 : 0);
            String extra = service.equals("No") ? "No internet service" : random.nextBoolean() ? "Yes" : "No";
            lines.add(String.join(",", String.format(Locale.ROOT, "%04d-TEST", i), random.nextBoolean() ? "Male" : "Female",
                    String.valueOf(random.nextInt(2)), yes(random), yes(random), String.valueOf(tenure), "Yes", yes(random),
                    service, extra, extra, extra, extra, extra, extra, contract, yes(random), "Electronic check",
                    String.format(Locale.ROOT, "%.2f", monthly), String.format(Locale.ROOT, "%.2f", monthly * tenure),
                    random.nextDouble() < risk ? "Yes" : "No"));
        }
        return lines;
    }

    /** Bank calls over a few days of a few calls each; clients reached on a mobile subscribe more often. */
    public static List<String> bankLines(int days, int callsPerDay, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(List.of(BANK_HEADER));
        String[] weekdays = {"mon", "tue", "wed", "thu", "fri"};
        for (int d = 0; d < days; d++) {
            for (int c = 0; c < callsPerDay; c++) {
                boolean mobile = random.nextBoolean();
                boolean success = random.nextInt(10) == 0;
                boolean subscribed = random.nextDouble() < (mobile ? 0.3 : 0.1) + (success ? 0.4 : 0);
                lines.add(String.join(";", String.valueOf(20 + random.nextInt(60)), q("admin."), q("married"),
                        q("high.school"), q("no"), q("yes"), q("no"), q(mobile ? "cellular" : "telephone"),
                        q(d < days / 2 ? "may" : "jun"), q(weekdays[d % 5]), String.valueOf(random.nextInt(900)),
                        String.valueOf(1 + random.nextInt(4)), success ? "6" : "999", success ? "1" : "0",
                        q(success ? "success" : "nonexistent"), "1.1", "93.994", "-36.4", "4.857", "5191",
                        q(subscribed ? "yes" : "no")));
            }
        }
        return lines;
    }

    public static Path write(Path folder, String name, List<String> lines) throws IOException {
        return Files.write(folder.resolve(name), lines);
    }

    private static String yes(Random random) {
        return random.nextBoolean() ? "Yes" : "No";
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }
}
