package io.nextbest.validation.conformance;

import io.nextbest.RulePack.RuleFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Drools' own verdict on a set of rule files: the files as they are, written into a KIE file system and
 * built the classic way ({@code KieBuilder.buildAll()}), as an application that loads them would. A
 * workbook is read as Drools reads it unless told otherwise: its first sheet. A pack whose
 * {@code pack.properties} says {@code sheets=all} tells Drools to read each sheet that holds a rule
 * table, the way Drools is told: the workbook once per sheet, with {@code drools.dt.worksheet} set.
 */
final class DroolsJudge {
    private static final AtomicInteger BUILDS = new AtomicInteger();

    /** Whether Drools builds the files, and the text of each error it reports. */
    record Verdict(boolean compiles, List<String> errors) {
    }

    private DroolsJudge() {
    }

    static Verdict judge(List<RuleFile> files, ClassLoader loader) {
        KieServices ks = KieServices.Factory.get();
        int build = BUILDS.incrementAndGet();
        ReleaseId releaseId = ks.newReleaseId("com.example.conformance", "corpus-" + build, "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        boolean everySheet = everySheet(files);
        for (RuleFile file : files) {
            if (!file.isDecisionTable() && !file.isDrl()) {
                continue;
            }
            // A path of its own for every build: Drools caches a table's DRL by its path.
            String path = "src/main/resources/corpus" + build + "/" + file.name();
            boolean workbook = !file.lowerName().endsWith(".csv") && !file.isDrl();
            if (everySheet && workbook) {
                List<String> sheets = sheetsWithRuleTables(file);
                for (int i = 0; i < sheets.size(); i++) {
                    String sheetPath = "src/main/resources/corpus" + build + "/s" + i + "_" + file.name();
                    kfs.write(sheetPath, file.content());
                    kfs.write(sheetPath + ".properties", "drools.dt.worksheet=" + escaped(sheets.get(i)) + "\n");
                }
            } else {
                kfs.write(path, file.content());
            }
        }
        List<String> errors = new ArrayList<>();
        try {
            KieBuilder builder = ks.newKieBuilder(kfs, loader).buildAll();
            for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
                errors.add(m.getText() == null ? "" : m.getText().strip());
            }
        } catch (RuntimeException e) {
            // Drools throws what stops it reading a table, out of the build.
            errors.add(e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
        return new Verdict(errors.isEmpty(), List.copyOf(errors));
    }

    static boolean everySheet(List<RuleFile> files) {
        for (RuleFile f : files) {
            if (f.isPackProperties()) {
                Properties p = new Properties();
                try {
                    p.load(new StringReader(f.text()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return "all".equalsIgnoreCase(p.getProperty("sheets", "").strip());
            }
        }
        return false;
    }

    /** The sheets on which Drools would find a rule table: a text cell {@code RuleTable} or {@code RuleTable name}. */
    private static List<String> sheetsWithRuleTables(RuleFile file) {
        List<String> names = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(file.content()))) {
            for (Sheet sheet : wb) {
                boolean found = false;
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            String v = cell.getStringCellValue().strip().toLowerCase(Locale.ROOT);
                            found |= v.equals("ruletable") || v.startsWith("ruletable ");
                        }
                    }
                }
                if (found) {
                    names.add(sheet.getSheetName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** A properties value: Drools reads the file as ISO-8859-1, so other characters are escaped. */
    private static String escaped(String value) {
        StringBuilder sb = new StringBuilder();
        for (char ch : value.toCharArray()) {
            sb.append(ch < 0x20 || ch > 0x7e || ch == '\\' ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
        }
        return sb.toString();
    }
}
