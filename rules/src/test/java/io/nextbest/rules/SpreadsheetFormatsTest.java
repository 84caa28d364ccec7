package io.nextbest.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.BillingStatus;
import io.nextbest.Channel;
import io.nextbest.ContactOutcome;
import io.nextbest.Decision;
import io.nextbest.DecisionEngine;
import io.nextbest.DecisionRequest;
import io.nextbest.Intent;
import io.nextbest.NextBest;
import io.nextbest.QueueType;
import io.nextbest.RulePack;
import io.nextbest.RulePack.RuleFile;
import io.nextbest.Sentiment;
import io.nextbest.validation.Spreadsheets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every table of the default pack decides the same whether it is kept as CSV or as an XLSX workbook. */
class SpreadsheetFormatsTest {

    static RulePack asXlsx(RulePack pack) {
        List<RuleFile> files = new ArrayList<>();
        for (RuleFile f : pack.files()) {
            if (f.lowerName().endsWith(".drl.csv")) {
                String stage = f.name().substring(0, f.name().indexOf('.'));
                files.add(Spreadsheets.csvToXlsx(f, Character.toUpperCase(stage.charAt(0)) + stage.substring(1)));
            } else {
                files.add(f);
            }
        }
        return RulePack.of("xlsx", files);
    }

    static List<DecisionRequest> variedCallers(int n, long seed) {
        Random random = new Random(seed);
        List<DecisionRequest> requests = new ArrayList<>();
        Intent[] intents = Intent.values();
        for (int i = 0; i < n; i++) {
            Callers c = Callers.caller()
                    .intent(intents[random.nextInt(intents.length)])
                    .sentiment(Sentiment.values()[random.nextInt(3)])
                    .queue(random.nextBoolean() ? QueueType.SALES : QueueType.SERVICE)
                    .channel(random.nextInt(4) == 0 ? Channel.CHAT : Channel.INBOUND_VOICE)
                    .handleTime(random.nextInt(900));
            if (random.nextInt(4) == 0) {
                c.unresolved();
            }
            int tenure = random.nextInt(60);
            double risk = random.nextInt(100) / 100.0;
            int usage = random.nextInt(110);
            BillingStatus billing = BillingStatus.values()[random.nextInt(3)];
            boolean vulnerable = random.nextInt(10) == 0;
            c.customer(b -> b.tenureMonths(tenure).churnRisk(risk).billingStatus(billing).vulnerable(vulnerable)
                    .attribute("usagePercent", usage).attribute("paperBilling", usage % 2 == 0)
                    .lifetimeValue(usage * 100));
            if (random.nextBoolean()) {
                c.bought("PHONE", "DEVICE", 500, random.nextInt(900));
            }
            if (random.nextInt(3) == 0) {
                c.wasOffered("XS-HOME-INTERNET", ContactOutcome.DECLINED, random.nextInt(60));
            }
            requests.add(c.request());
        }
        return requests;
    }

    @Test
    void theDefaultTablesDecideTheSameAsXlsxAsTheyDoAsCsv() {
        try (DecisionEngine csv = NextBest.engine().rules(DefaultRules.pack()).build();
             DecisionEngine xlsx = NextBest.engine().rules(asXlsx(DefaultRules.pack())).build()) {
            int offers = 0;
            for (DecisionRequest request : variedCallers(500, 7)) {
                Decision a = csv.decide(request);
                Decision b = xlsx.decide(request);
                assertThat(b.offers()).isEqualTo(a.offers());
                assertThat(b.runnersUp()).isEqualTo(a.runnersUp());
                assertThat(b.leftOut()).extracting(l -> l.offerId() + " " + l.rule())
                        .isEqualTo(a.leftOut().stream().map(l -> l.offerId() + " " + l.rule()).toList());
                offers += a.isOffer() ? 1 : 0;
            }
            assertThat(offers).as("the sample must exercise offers, not only no-offers").isGreaterThan(50);
        }
    }

    @Test
    void anXlsxDecisionNamesTheSheetAndRowOfItsRule() {
        try (DecisionEngine xlsx = NextBest.engine().rules(asXlsx(DefaultRules.pack())).build()) {
            Decision d = xlsx.decide(Callers.salesReadyCaller().intent(Intent.COMPLAINT).request());
            assertThat(d.leftOut("XS-HOME-INTERNET").orElseThrow().source())
                    .isEqualTo("suitability.drl.xlsx row 10");
        }
    }
}
