package org.elisesweep.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.elisesweep.model.LearningCurve;
import org.elisesweep.model.ReplayScores;
import org.elisesweep.model.Robustness;
import org.elisesweep.model.ScenarioResult;
import org.elisesweep.model.SimulationResult;
import org.elisesweep.model.SimulationSpec;

/** Writes the summary of one simulation as {@code metrics.json} (Jackson). */
public final class RunMetricsJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunMetricsJson() {
    }

    /** The summary as a JSON tree: status, timing, learning, replay per scenario, robustness, weights. */
    public static ObjectNode summary(SimulationSpec spec, SimulationResult r) {
        int nVis = spec.pattern().neurons();
        ObjectNode root = JSON.createObjectNode();
        root.put("status", r.status().name());
        root.put("message", r.message());
        root.put("seed", spec.seed());
        root.put("pattern", spec.pattern().name());
        root.put("n_vis", nVis);
        root.put("task_steps", spec.pattern().steps());
        root.put("task_active_fraction", spec.pattern().activeFraction());
        root.put("task_markov_order", spec.pattern().markovOrder());
        root.put("task_pattern_hash", spec.pattern().sha256());
        root.put("n_lat", spec.model().nLat());
        root.put("mode", spec.model().mode().key());
        root.put("steps", r.steps());
        root.put("wall_seconds", r.wallSeconds());
        root.put("us_per_step", r.microsPerStep());
        LearningCurve c = r.curve();
        int learnedAt = c.learnedAtCycle(nVis);
        if (learnedAt >= 0) {
            root.put("learned_at_cycle", learnedAt);
        } else {
            root.putNull("learned_at_cycle");
        }
        root.put("final_free_run_mse", c.finalMse());
        root.put("final_free_run_sumcorr", c.finalSumCorr());
        root.put("final_free_run_sumcorr_per_neuron", c.finalSumCorr() / nVis);
        ArrayNode scenarios = root.putArray("replay");
        for (ScenarioResult s : r.scenarios()) {
            ObjectNode o = scenarios.addObject();
            o.put("scenario", s.name());
            o.put("status", s.status().name());
            ReplayScores rs = s.scores();
            if (rs != null) {
                o.put("scored_cycles", rs.cycles());
                o.put("mean_sumcorr", rs.meanSumCorr());
                o.put("min_sumcorr", rs.minSumCorr());
                o.put("final_sumcorr", rs.finalSumCorr());
                o.put("mean_mse", rs.meanMse());
                o.put("drift_ms_per_cycle", rs.driftMsPerCycle());
            } else {
                o.put("diverged_at_replay_step", s.divergedAt());
            }
            Robustness rb = s.robustness();
            if (rb != null) {
                ObjectNode ro = o.putObject("robustness");
                ro.put("sumcorr_before", rb.sumCorrBefore());
                ro.put("sumcorr_during", rb.sumCorrDuring());
                ro.put("sumcorr_after", rb.sumCorrAfter());
                ro.put("mse_before", rb.mseBefore());
                ro.put("mse_during", rb.mseDuring());
                ro.put("mse_after", rb.mseAfter());
                ro.put("recovered", rb.recovered());
                if (rb.recovered()) {
                    ro.put("recovery_cycles", rb.recoveryCycles());
                } else {
                    ro.putNull("recovery_cycles");
                }
                ro.put("phase_jump_ms", rb.phaseJumpMs());
            }
        }
        if (r.weights() != null) {
            ObjectNode w = root.putObject("weights");
            w.put("frobenius_vis_from_vis", r.weights().visFromVis());
            w.put("frobenius_vis_from_lat", r.weights().visFromLat());
            w.put("frobenius_lat_from_vis", r.weights().latFromVis());
            w.put("frobenius_lat_from_lat", r.weights().latFromLat());
            w.put("spectral_radius", r.weights().spectralRadius());
        }
        return root;
    }

    public static void write(Path file, SimulationSpec spec, SimulationResult r) throws IOException {
        JSON.writeValue(file.toFile(), summary(spec, r));
    }
}
