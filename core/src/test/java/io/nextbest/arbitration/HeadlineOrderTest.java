package io.nextbest.arbitration;

import static org.assertj.core.api.Assertions.assertThat;

import io.nextbest.Channel;
import io.nextbest.Decision;
import io.nextbest.Offer;
import io.nextbest.OfferCatalog;
import io.nextbest.OfferKind;
import io.nextbest.Reason;
import io.nextbest.Stage;
import io.nextbest.catalog.CatalogIndex;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The order in which a no-offer tells its reasons (README, "Reasons and their codes"): a policy for the
 * whole interaction that took away an offer worth making, then the minimum priority when offers passed
 * but scored under it, then policies that took away only offers under it, then the rules that decided
 * the fate of single offers.
 */
class HeadlineOrderTest {
    static final double MINIMUM = 5.0;

    // Priorities (propensity x value): retention 90, sales 20, service 4 and information 3 (both under 5).
    static final OfferCatalog CATALOG = new OfferCatalog(List.of(
            offer("RET", OfferKind.RETENTION, 300, 0.3),
            offer("SALE", OfferKind.SALES, 100, 0.2),
            offer("SVC", OfferKind.SERVICE, 40, 0.1),
            offer("INFO", OfferKind.INFORMATION, 30, 0.1)));
    static final CatalogIndex INDEX = new CatalogIndex(CATALOG);

    static final RuleInfo RETENTION_AT_RISK = rule("RETENTION_NOT_AT_RISK", Stage.ELIGIBILITY, 1);
    static final RuleInfo NO_CONSENT = rule("NO_CONSENT", Stage.APPLICABILITY, 10);
    static final RuleInfo COMPLAINT = rule("COMPLAINT_NO_SALES", Stage.SUITABILITY, 20);
    static final RuleInfo OVER_HANDLE_TIME = rule("OVER_HANDLE_TIME", Stage.SUITABILITY, 21);
    static final RuleInfo UNRESOLVED = rule("UNRESOLVED_FIX_FIRST", Stage.SUITABILITY, 22);
    static final RuleInfo RETENTION_BRAKE = rule("RETENTION_BRAKE", Stage.SUITABILITY, 23);

    static Offer offer(String id, OfferKind kind, double value, double propensity) {
        return new Offer(id, id + " offer", kind, "", "", Set.of(Channel.INBOUND_VOICE), value, null, null, "Say it.",
                kind.name().toLowerCase(), propensity, 30);
    }

    static RuleInfo rule(String code, Stage stage, int order) {
        return new RuleInfo(code.toLowerCase().replace('_', ' '), code, stage, order, stage.label() + " row " + order);
    }

    static long[] kinds(OfferKind... kinds) {
        return INDEX.offers(String.join(", ", java.util.Arrays.stream(kinds).map(k -> "kind " + k).toList()));
    }

    /** A scoreboard with every offer at its catalog propensity, or the models' where given. */
    static Scoreboard board(Map<String, Double> models) {
        Scoreboard board = new Scoreboard(INDEX, rule -> null);
        board.reset(models);
        return board;
    }

    static Decision decide(Scoreboard board) {
        return new Arbitrator(CATALOG, 1, MINIMUM).decide(board, "C-1", "v", "d-1", Instant.EPOCH);
    }

    static List<String> codes(Decision d) {
        assertThat(d.isOffer()).as("%s", d).isFalse();
        return d.reasons().stream().map(Reason::code).toList();
    }

    @Test
    void aPolicyThatTookAnOfferWorthMakingComesBeforeTheMinimumAndBeforeASingleOffersFate() {
        Scoreboard board = board(Map.of());
        board.leaveOut(CATALOG.indexOf("RET"), RETENTION_AT_RISK);        // 90, but not for this customer
        board.leaveOut(kinds(OfferKind.SALES), COMPLAINT, true);          // 20: worth making

        Decision d = decide(board);

        // Service and information passed every policy, under the minimum; the complaint cost the sale.
        assertThat(codes(d)).containsExactly("COMPLAINT_NO_SALES", Reason.BELOW_MINIMUM_PRIORITY,
                "RETENTION_NOT_AT_RISK");
        assertThat(d.reason().offers()).containsExactly("SALE");
        assertThat(d.leftOut("SALE").orElseThrow().code()).isEqualTo("COMPLAINT_NO_SALES");
    }

    @Test
    void theMinimumIsTheHeadlineWhenNoPolicyTookAnOfferWorthMaking() {
        Scoreboard board = board(Map.of("SALE", 0.01));                  // the sale at 1.00
        board.leaveOut(CATALOG.indexOf("RET"), RETENTION_AT_RISK);
        board.leaveOut(kinds(OfferKind.SALES), COMPLAINT, true);

        assertThat(codes(decide(board))).containsExactly(Reason.BELOW_MINIMUM_PRIORITY, "COMPLAINT_NO_SALES",
                "RETENTION_NOT_AT_RISK");
    }

    @Test
    void ofTwoPoliciesThatTookEverythingTheEarlierStageComesFirst() {
        Scoreboard board = board(Map.of());
        board.leaveOut(CATALOG.indexOf("RET"), RETENTION_AT_RISK);
        // The rules fire in any order; consent holds on every call on the channel, the long call only on this one.
        board.leaveOut(null, OVER_HANDLE_TIME, true);
        board.leaveOut(kinds(OfferKind.SALES), COMPLAINT, true);
        board.leaveOut(null, NO_CONSENT, true);

        Decision d = decide(board);

        // At most three rules are told: the eligibility rule that cost the retention offer is not.
        assertThat(codes(d)).containsExactly("NO_CONSENT", "OVER_HANDLE_TIME", "COMPLAINT_NO_SALES");
        assertThat(d.reason().offers()).containsExactly("SALE", "SVC", "INFO");
        // Each left-out offer keeps the earliest rule that left it out.
        assertThat(d.leftOut("SALE").orElseThrow().code()).isEqualTo("NO_CONSENT");
        assertThat(d.leftOut("RET").orElseThrow().code()).isEqualTo("RETENTION_NOT_AT_RISK");
    }

    @Test
    void ofTwoPoliciesThatTookTheSameOfferWorthMakingTheBroaderComesFirst() {
        Scoreboard board = board(Map.of());
        board.leaveOut(CATALOG.indexOf("RET"), RETENTION_AT_RISK);
        board.leaveOut(CATALOG.indexOf("SVC"), RETENTION_AT_RISK);
        board.leaveOut(kinds(OfferKind.SALES), COMPLAINT, true);
        board.leaveOut(kinds(OfferKind.SALES, OfferKind.INFORMATION), UNRESOLVED, true);

        assertThat(codes(decide(board))).containsExactly("UNRESOLVED_FIX_FIRST", "COMPLAINT_NO_SALES",
                "RETENTION_NOT_AT_RISK");
    }

    @Test
    void aPolicyWhoseOffersWereAllLeftOutForThemselvesIsNoHeadline() {
        Scoreboard board = board(Map.of());
        board.leaveOut(CATALOG.indexOf("RET"), RETENTION_AT_RISK);
        board.leaveOut(kinds(OfferKind.RETENTION), RETENTION_BRAKE, true);  // took nothing the customer could get
        board.leaveOut(kinds(OfferKind.SALES), COMPLAINT, true);
        board.leaveOut(CATALOG.indexOf("SVC"), RETENTION_AT_RISK);
        board.leaveOut(CATALOG.indexOf("INFO"), RETENTION_AT_RISK);

        assertThat(codes(decide(board))).containsExactly("COMPLAINT_NO_SALES", "RETENTION_NOT_AT_RISK");
    }

    @Test
    void withoutPoliciesTheRulesForSingleOffersAreToldLatestStageFirst() {
        Scoreboard board = board(Map.of());
        RuleInfo notOnChannel = rule("OFFER_NOT_FOR_CHANNEL", Stage.APPLICABILITY, 5);
        board.leaveOut(CATALOG.indexOf("RET"), RETENTION_AT_RISK);
        board.leaveOut(CATALOG.indexOf("SALE"), notOnChannel);
        board.leaveOut(CATALOG.indexOf("SVC"), notOnChannel);
        board.leaveOut(CATALOG.indexOf("INFO"), notOnChannel);

        Decision d = decide(board);

        assertThat(codes(d)).containsExactly("OFFER_NOT_FOR_CHANNEL", "RETENTION_NOT_AT_RISK");
        assertThat(d.reason().offers()).containsExactly("SALE", "SVC", "INFO");
    }
}
