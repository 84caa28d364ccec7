package io.nextbest.examples.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.nextbest.learning.ModelHealth;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The models' health as JSON, its figures with four decimals like the rest of a replay's JSON. */
public final class HealthJson {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private HealthJson() {
    }

    /** The models as a JSON array: offer, evidence, positives, recent outcomes and their AUC, top predictors. */
    public static String of(List<ModelHealth> models) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ModelHealth m : models) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("offerId", m.offerId());
            model.put("evidence", m.evidence());
            model.put("positives", m.positives());
            model.put("recentOutcomes", m.recentOutcomes());
            model.put("recentAuc", m.recentAuc() == null ? null : round(m.recentAuc()));
            List<Map<String, Object>> top = new ArrayList<>();
            for (ModelHealth.Influence i : m.topPredictors()) {
                Map<String, Object> influence = new LinkedHashMap<>();
                influence.put("feature", i.feature());
                influence.put("weight", round(i.weight()));
                top.add(influence);
            }
            model.put("topPredictors", top);
            list.add(model);
        }
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
    }
}
