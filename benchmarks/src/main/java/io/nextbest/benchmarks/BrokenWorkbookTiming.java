package io.nextbest.benchmarks;

import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.validation.Finding;
import io.nextbest.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/**
 * How long {@code nextbest validate} takes to answer a large workbook that Drools cannot compile: a
 * table of {@code rows} rows (20,000 by default) whose facts' classes are not on the class path, so
 * that every rule fails. Drools' own build reports each failure of each rule, which takes minutes on
 * a table this size; validation finds the imports it cannot resolve before compiling.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.nextbest.benchmarks.BrokenWorkbookTiming [rows] [--drools] [--save FILE]</pre>
 *
 * {@code --drools} also times Drools' own build of the same workbook, for comparison; {@code --save FILE}
 * writes the workbook to a file, to time {@code nextbest validate FILE} with its JVM start.
 */
public final class BrokenWorkbookTiming {
    private BrokenWorkbookTiming() {
    }

    /** An insurer's pricing table over drivers and policies, in classes the class path does not hold. */
    static RuleFile workbook(int rows, long seed) {
        Random random = new Random(seed);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Pricing");
            row(sheet, 0, "RuleSet", "com.acme.insurance.pricing");
            row(sheet, 1, "Import", "com.acme.insurance.Driver, com.acme.insurance.Policy");
            row(sheet, 3, "RuleTable Pricing");
            row(sheet, 4, "NAME", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION", "CONDITION",
                    "ACTION", "ACTION");
            row(sheet, 5, "", "$d : Driver", "", "", "$p : Policy", "", "", "", "");
            sheet.addMergedRegion(new CellRangeAddress(5, 5, 1, 3));
            sheet.addMergedRegion(new CellRangeAddress(5, 5, 4, 6));
            row(sheet, 6, "", "age >= $param", "age < $param", "priorClaims <= $param", "type == \"$param\"",
                    "years >= $param", "region == \"$param\"", "$p.setBasePrice($param);",
                    "$p.addReason(\"$param\");");
            row(sheet, 7, "Rule", "Age from", "Age below", "Claims at most", "Policy type", "Years insured at least",
                    "Region", "Base price", "Reason");
            String[] types = {"COMPREHENSIVE", "THIRD_PARTY", "FIRE_THEFT"};
            String[] regions = {"NORTH", "SOUTH", "EAST", "WEST", "CITY"};
            for (int i = 0; i < rows; i++) {
                int from = 18 + random.nextInt(60);
                row(sheet, 8 + i, "Price " + i, String.valueOf(from), String.valueOf(from + 1 + random.nextInt(10)),
                        String.valueOf(random.nextInt(4)), types[random.nextInt(types.length)],
                        String.valueOf(random.nextInt(20)), regions[random.nextInt(regions.length)],
                        String.valueOf(200 + random.nextInt(800)), "tier " + random.nextInt(9));
            }
            wb.write(out);
            wb.dispose();
            return new RuleFile("pricing.drl.xlsx", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int r, String... cells) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < cells.length; c++) {
            if (!cells[c].isEmpty()) {
                if (cells[c].matches("\\d+")) {
                    row.createCell(c).setCellValue(Double.parseDouble(cells[c]));
                } else {
                    row.createCell(c).setCellValue(cells[c]);
                }
            } else {
                row.createCell(c);
            }
        }
    }

    public static void main(String[] args) {
        int rows = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 20_000;
        RuleFile file = workbook(rows, 20261123);
        int save = List.of(args).indexOf("--save");
        if (save >= 0 && save + 1 < args.length) {
            try {
                java.nio.file.Files.write(java.nio.file.Path.of(args[save + 1]), file.content());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        List<Finding> findings = new Validator(BrokenWorkbookTiming.class.getClassLoader())
                .validate(RulePack.of("broken", List.of(file)));
        long ms = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        System.out.println("Validate a " + rows + "-row workbook (" + file.content().length / 1024 + " KB) whose "
                + "imports do not resolve, first validation in the JVM: " + ms + " ms (" + cpuMs + " ms of CPU on the "
                + "validating thread), " + findings.size() + " findings, "
                + findings.stream().filter(Finding::isError).count() + " errors");
        findings.stream().filter(Finding::isError).limit(3).forEach(f -> System.out.println("  " + f));
        if (List.of(args).contains("--drools")) {
            // Drools' own build of the same file, for comparison: it reports every failure of every rule.
            KieServices ks = KieServices.Factory.get();
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.write("src/main/resources/pricing.drl.xlsx", file.content());
            long drools = System.nanoTime();
            int errors = ks.newKieBuilder(kfs).buildAll().getResults().getMessages(Message.Level.ERROR).size();
            System.out.println("Drools' own build of the same workbook: " + (System.nanoTime() - drools) / 1_000_000
                    + " ms, " + errors + " errors");
        }
    }
}
