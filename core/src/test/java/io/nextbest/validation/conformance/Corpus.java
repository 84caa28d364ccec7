package io.nextbest.validation.conformance;

import io.nextbest.RulePack.RuleFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The decision tables of the conformance corpus: CSV tables kept as files under
 * {@code src/test/resources/conformance} (each says what it shows in its {@code Notes} row), and
 * workbooks written here, where cells need a type, a format, a merge or a sheet of their own.
 */
final class Corpus {
    static final Path FOLDER = Path.of("src/test/resources/conformance");

    /** One case of the corpus: a name and the files of a pack (a table, and sometimes a pack.properties). */
    record Entry(String name, String about, List<RuleFile> files) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Corpus() {
    }

    static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(csvTables());
        entries.addAll(workbooks());
        return entries;
    }

    private static List<Entry> csvTables() {
        try (Stream<Path> files = Files.list(FOLDER)) {
            List<Entry> entries = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".drl.csv"))
                    .sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = p.getFileName().toString();
                entries.add(new Entry(name.substring(0, name.length() - ".drl.csv".length()), "",
                        List.of(new RuleFile(name, Files.readAllBytes(p)))));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String HEAD = """
            RuleSet,com.example.rules
            Import,"com.example.shop.Person, com.example.shop.Cheese"
            """;

    private static final String AGES = """
            RuleTable Ages
            NAME,CONDITION,ACTION
            ,$p : Person,
            ,age > $param,"$p.tag(""$param"");"
            Rule,Older than,Tag
            Old,70,old
            Very old,90,very old
            """;

    private static final String CHEESE_FANS = """
            RuleTable Cheese fans
            CONDITION,CONDITION,ACTION
            $p : Person,,
            age > $param,"city == ""$param""\","$p.tag(""$param"");"
            Older than,City,Tag
            20,Oslo,fan
            30,Paris,fan
            """;

    private static final String PRICES = """
            RuleTable Prices
            NAME,CONDITION,ACTION
            ,$c : Cheese,
            ,price == $param,"System.out.println(""$param"");"
            Rule,Price,Say
            Dear,6600,dear
            """;

    private static final String SCORES = """
            RuleTable Scores
            NAME,CONDITION,ACTION
            ,$p : Person,
            ,score >= $param,"$p.tag(""$param"");"
            Rule,Score at least,Tag
            Top,5000,top
            """;

    private static Entry entry(String name, String about, RuleFile... files) {
        return new Entry(name, about, List.of(files));
    }

    private static RuleFile everySheet() {
        return RuleFile.of("pack.properties", "sheets=all\n");
    }

    private static List<Entry> workbooks() {
        List<Entry> e = new ArrayList<>();
        e.add(entry("xlsx-basic", "A table in a workbook",
                Book.xlsx().sheet("Ages", HEAD + AGES).file("ages.drl.xlsx")));
        e.add(entry("xls-basic", "A table in an Excel 97 workbook",
                Book.xls().sheet("Ages", HEAD + AGES).file("ages.drl.xls")));
        e.add(entry("xlsx-merged-pattern", "One pattern merged across two condition columns",
                Book.xlsx().sheet("Fans", HEAD + CHEESE_FANS).merge("A5:B5").file("fans.drl.xlsx")));
        e.add(entry("xlsx-merged-rows", "A value merged down two rule rows: each row reads it",
                Book.xlsx().sheet("Fans", HEAD + CHEESE_FANS).merge("A5:B5").merge("B8:B9").file("fans.drl.xlsx")));
        e.add(entry("xlsx-numeric-disabled", "NumericDisabled: a price stored as 6600.000000000001 is written as "
                        + "the cell shows it, 6600",
                Book.xlsx().sheet("Prices", HEAD + "NumericDisabled,true\n,\n" + PRICES).cell("B10", 6600.000000000001)
                        .file("prices.drl.xlsx")));
        e.add(entry("xlsx-numeric-enabled", "Without NumericDisabled the same price is written as stored",
                Book.xlsx().sheet("Prices", HEAD + PRICES).cell("B8", 6600.000000000001).file("prices.drl.xlsx")));
        String brokenCopy = HEAD.replace("com.example.shop.Cheese", "com.example.shop.Cheddar")
                + CHEESE_FANS.replace("$p : Person", "$c : Cheddar");
        e.add(entry("xlsx-scratch-sheet", "A scratch copy on the second sheet, which Drools does not read",
                Book.xlsx().sheet("Fans", HEAD + CHEESE_FANS).merge("A5:B5").sheet("Scratch", brokenCopy).merge("A5:B5")
                        .file("fans.drl.xlsx")));
        e.add(entry("xlsx-scratch-sheet-every-sheet", "The same workbook, with the pack reading every sheet",
                Book.xlsx().sheet("Fans", HEAD + CHEESE_FANS).merge("A5:B5").sheet("Scratch", brokenCopy).merge("A5:B5")
                        .file("fans.drl.xlsx"),
                everySheet()));
        e.add(entry("xlsx-every-sheet-same-tables", "Every sheet read, the same table on each: Drools keeps the "
                        + "rule names apart by sheet",
                Book.xlsx().sheet("Oslo", HEAD + CHEESE_FANS).merge("A5:B5").sheet("Paris", HEAD + CHEESE_FANS)
                        .merge("A5:B5").file("fans.drl.xlsx"), everySheet()));
        e.add(entry("xlsx-every-sheet-missing-import", "Every sheet read: the second sheet has no Import of its own",
                Book.xlsx().sheet("Oslo", HEAD + CHEESE_FANS).merge("A5:B5").sheet("Paris", CHEESE_FANS).merge("A3:B3")
                        .file("fans.drl.xlsx"),
                everySheet()));
        e.add(entry("xlsx-every-sheet-with-notes", "Every sheet read: a sheet of notes without a table is passed over",
                Book.xlsx().sheet("Read me", "Notes,These tables tag people\n").sheet("Ages", HEAD + AGES)
                        .sheet("Fans", HEAD + CHEESE_FANS).merge("A5:B5").file("people.drl.xlsx"), everySheet()));
        e.add(entry("xlsx-tables-on-second-sheet", "Notes on the first sheet, the tables on the second: Drools reads "
                        + "the first only",
                Book.xlsx().sheet("Read me", "Notes,These tables tag people\n").sheet("Ages", HEAD + AGES)
                        .file("people.drl.xlsx")));
        e.add(entry("xlsx-formulas", "Formula cells: Drools reads their values",
                Book.xlsx().sheet("Ages", HEAD + AGES.replace("Old,70,old", "Old,=7*10,old")
                        .replace("Very old,90,", "Very old,=B8+20,")).file("ages.drl.xlsx")));
        e.add(entry("xlsx-booleans", "True/false cells",
                Book.xlsx().sheet("VIPs", HEAD + """
                        RuleTable VIPs
                        NAME,CONDITION,ACTION
                        ,$p : Person,
                        ,vip == $param,"$p.tag(""$param"");"
                        Rule,VIP,Tag
                        VIP,x,vip
                        """).cell("B8", true).file("vips.drl.xlsx")));
        e.add(entry("xlsx-date-cells", "Date cells in DATE-EFFECTIVE: Drools writes them quoted",
                Book.xlsx().sheet("Dates", HEAD + """
                        RuleTable Dates
                        NAME,DATE-EFFECTIVE,CONDITION,ACTION
                        ,,$p : Person,
                        ,,age > $param,"$p.tag(""$param"");"
                        Rule,From,Older than,Tag
                        Old,x,70,old
                        """).cell("B8", LocalDate.of(2026, 1, 1)).file("dates.drl.xlsx")));
        e.add(entry("xlsx-percent-format", "A whole number formatted as a percentage reads as 100%",
                Book.xlsx().sheet("Scores", HEAD + SCORES.replace("Top,5000", "Top,1")).format("B8", "0%")
                        .file("scores.drl.xlsx")));
        e.add(entry("xlsx-money-format", "A whole number formatted as money reads as $5,000",
                Book.xlsx().sheet("Scores", HEAD + SCORES).format("B8", "$#,##0").file("scores.drl.xlsx")));
        e.add(entry("xlsx-multiline-cells", "Cells of several lines: two statements in an action, a condition "
                        + "over two lines",
                Book.xlsx().sheet("Lines", HEAD + """
                        RuleTable Lines
                        NAME,CONDITION,ACTION
                        ,$p : Person,
                        ,"age > $param\\n&& age < 200","$p.tag(""$param"");\\n$p.tag(""twice"");"
                        Rule,Older than,Tag
                        Old,70,"old\\nand wise"
                        """).file("lines.drl.xlsx")));
        e.add(entry("xlsx-unicode", "A sheet name, a table name and values beyond ASCII",
                Book.xlsx().sheet("Fromages ✓", HEAD + """
                        RuleTable Fromages français
                        NAME,CONDITION,ACTION
                        ,$c : Cheese,
                        ,"type == ""$param""\","System.out.println(""$param"");"
                        Règle,Type,Dire
                        Crème brûlée,crème,très bien
                        チーズ,チェダー,美味しい
                        """).file("fromages.drl.xlsx")));
        e.add(entry("xlsx-several-tables-and-comments", "Two tables on a sheet, comments left of them and between them",
                Book.xlsx().sheet("People", HEAD + """
                        ,
                        This sheet tags people,RuleTable Ages
                        ,NAME,CONDITION,ACTION
                        ,,$p : Person,
                        ,,age > $param,"$p.tag(""$param"");"
                        ,Rule,Older than,Tag
                        checked,Old,70,old
                        ,
                        And these set cheese prices,RuleTable Prices
                        ,NAME,CONDITION,ACTION
                        ,,$c : Cheese,
                        ,,"type == ""$param""\","$c.setPrice($param);"
                        ,Rule,Type,Price
                        ,Stilton,stilton,10
                        """).file("people.drl.xlsx")));
        e.add(entry("xlsx-template-data", "A rule template's data sheet: no RuleTable",
                Book.xlsx().sheet("Data", """
                        Name,Age,Tag
                        Old,70,old
                        Very old,90,very old
                        """).file("data.drl.xlsx")));
        e.add(entry("xlsx-zip-bomb", "A workbook whose parts are compressed so far that POI suspects a zip bomb",
                zipBomb()));
        e.add(entry("xls-not-a-workbook", "A file named as a workbook that is not one",
                RuleFile.of("ages.drl.xls", "RuleSet,com.example.rules\n")));
        e.add(entry("xlsx-nested-class-merged", "A nested class in a merged pattern cell",
                Book.xlsx().sheet("Cards", """
                        RuleSet,com.example.rules
                        Import,com.example.shop.Loyalty
                        RuleTable Cards
                        NAME,CONDITION,CONDITION,ACTION
                        ,$c : Loyalty.Card,,
                        ,points > $param,"tier != ""$param""\","$c.setTier(""$param"");"
                        Rule,Points above,Tier is not,New tier
                        Gold,1000,gold,gold
                        """).merge("B5:C5").file("cards.drl.xlsx")));
        return e;
    }

    /** Text that compresses far beyond POI's limit (an inflate ratio of 0.01) in a part POI checks. */
    private static RuleFile zipBomb() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Ages");
            String[] lines = (HEAD + AGES).split("\n");
            for (int r = 0; r < lines.length; r++) {
                sheet.createRow(r).createCell(0).setCellValue(lines[r]);
            }
            for (int r = 0; r < 8; r++) {
                sheet.createRow(40 + r).createCell(0).setCellValue(String.valueOf((char) ('a' + r)).repeat(32_000));
            }
            wb.write(out);
            return new RuleFile("ages.drl.xlsx", out.toByteArray());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
