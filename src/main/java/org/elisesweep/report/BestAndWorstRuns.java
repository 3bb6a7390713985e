package org.elisesweep.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.elisesweep.model.ModelVersion;
import org.elisesweep.model.Simulation;
import org.elisesweep.model.SimulationResult;
import org.elisesweep.model.SimulationSpec;
import org.elisesweep.model.Status;
import org.elisesweep.spark.RunParameters;
import org.elisesweep.sweep.ConfigProblems;

/**
 * Target versus replay for the best and the worst point (by mean replay Σcorr over the point's OK
 * replicates), each at its extreme replicate ({@link #picks}). The tables hold no traces, so that
 * replicate is simulated again from its parameters and seed: its results depend on nothing else, so the
 * rerun reproduces the table's score bit for bit under the same model version, which is checked.
 */
final class BestAndWorstRuns {
    private static final String SCORE = "replay_mean_sumcorr";

    /**
     * One rerun.
     *
     * @param rank        "best" or "worst"
     * @param run         its {@code runs} row
     * @param pointMean   the point's mean replay Σcorr over its OK replicates
     * @param rerunScore  the rerun's replay Σcorr (NaN if it could not be rerun)
     * @param problem     why there is no figure, or null
     */
    record Rerun(String rank, Row run, double pointMean, double rerunScore, Figure figure, String problem) {
        double tableScore() {
            return run.<Double>getAs(SCORE);
        }

        /** The rerun gave exactly the table's score. */
        boolean reproduced() {
            return Double.compare(rerunScore, tableScore()) == 0;
        }
    }

    private final Dataset<Row> runs;
    private final SweptAxes axes;

    BestAndWorstRuns(Dataset<Row> runs, SweptAxes axes) {
        this.runs = runs.filter(col("status").equalTo(Status.OK.name()).and(col(SCORE).isNotNull()));
        this.axes = axes;
    }

    /** Picks, reruns and draws the best and the worst point (one when they are the same); empty if no run is scored. */
    List<Rerun> write(Path dir, boolean progress) {
        List<Pick> picked = picks();
        List<SimulationSpec> specs = picked.stream().map(p -> specOrNull(p.run())).toList();
        List<SimulationResult> results = rerun(specs, progress);
        List<Rerun> out = new ArrayList<>();
        for (int k = 0; k < picked.size(); k++) {
            out.add(draw(dir, picked.get(k).rank(), picked.get(k).run(), picked.get(k).pointMean(), specs.get(k),
                    results.get(k)));
        }
        return out;
    }

    /** A point picked for a figure ("best" or "worst"), its mean score and the replicate shown. */
    record Pick(String rank, double pointMean, Row run) {
    }

    /**
     * The best point (highest mean replay Σcorr over its OK replicates) with its best replicate, and the
     * worst point with its worst replicate, so that a point whose replicates disagree (bimodal) is shown
     * at its extreme, not by a replicate that flatters it. Ties: the lower point id, the lower replicate.
     */
    List<Pick> picks() {
        List<Row> means = runs.groupBy("point_id").agg(avg(col(SCORE)).as("mean"))
                .orderBy(col("mean").desc(), col("point_id")).collectAsList();
        if (means.isEmpty()) {
            return List.of();
        }
        List<Pick> picked = new ArrayList<>();
        Row best = means.get(0);
        picked.add(new Pick("best", best.getDouble(1), extremeReplicate(best.getString(0), true)));
        if (means.size() > 1) {
            Row worst = means.get(means.size() - 1);
            picked.add(new Pick("worst", worst.getDouble(1), extremeReplicate(worst.getString(0), false)));
        }
        return picked;
    }

    /** The point's OK replicate with the highest ({@code best}) or lowest score; the lowest replicate on ties. */
    private Row extremeReplicate(String pointId, boolean best) {
        Comparator<Row> byScore = Comparator.comparingDouble((Row r) -> r.<Double>getAs(SCORE));
        return runs.filter(col("point_id").equalTo(pointId)).collectAsList().stream()
                .min((best ? byScore.reversed() : byScore).thenComparingInt(r -> r.<Integer>getAs("replicate")))
                .orElseThrow();
    }

    /** The simulation of a runs row; null when its parameters are not valid for this code (another model version). */
    private static SimulationSpec specOrNull(Row run) {
        try {
            return RunParameters.spec(run);
        } catch (ConfigProblems e) {
            return null;
        }
    }

    /** Simulates each spec again (null stays null), with one progress bar over all of them. */
    private static List<SimulationResult> rerun(List<SimulationSpec> specs, boolean progress) {
        long total = specs.stream().filter(s -> s != null).mapToLong(SimulationSpec::plannedCycles).sum();
        List<SimulationResult> results = new ArrayList<>();
        try (ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName("rerun best/worst")
                .setInitialMax(total).setUnit(" cycles", 1).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                .showSpeed().setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null) {
            long offset = 0;
            for (SimulationSpec spec : specs) {
                if (spec == null) {
                    results.add(null);
                    continue;
                }
                long base = offset;
                results.add(Simulation.run(spec, (phase, done, all) -> {
                    if (bar != null) {
                        bar.stepTo(base + done);
                    }
                }));
                offset += spec.plannedCycles();
            }
        }
        return results;
    }

    private Rerun draw(Path dir, String rank, Row run, double pointMean, SimulationSpec spec, SimulationResult result) {
        if (result == null) {
            return new Rerun(rank, run, pointMean, Double.NaN, null,
                    "its parameters are not valid for this code (model version " + ModelVersion.ID + "), so it cannot be rerun");
        }
        double score = result.scenarios().isEmpty() || result.scenarios().get(0).scores() == null ? Double.NaN
                : result.scenarios().get(0).scores().meanSumCorr();
        String file = "replay-" + rank + ".png";
        if (!ReplayRasterPlot.write(dir.resolve(file), spec, result)) {
            return new Rerun(rank, run, pointMean, score, null, "the rerun ended " + result.status() + ": "
                    + result.message());
        }
        Rerun partial = new Rerun(rank, run, pointMean, score, null, null);
        return new Rerun(rank, run, pointMean, score, new Figure(file, title(rank, run), caption(partial)), null);
    }

    private String title(String rank, Row run) {
        return "Target versus replay, " + rank + " point: " + pointLabel(run);
    }

    /** The swept parameters' values of a run, e.g. "model.n-lat = 40, model.mode = elise". */
    String pointLabel(Row run) {
        if (axes.isEmpty()) {
            return "the sweep's only point";
        }
        List<String> parts = new ArrayList<>();
        for (SweptAxis a : axes.all()) {
            parts.add(a.path() + " = " + a.valueWithUnit(a.valueOf(run.getAs(a.column()))));
        }
        return String.join(", ", parts);
    }

    private static String caption(Rerun r) {
        String runModel = r.run().getAs("model_version");
        String check = r.reproduced()
                ? "The rerun reproduces the table's replay Σcorr exactly."
                : String.format(Locale.ROOT, "Warning: the rerun's replay Σcorr %.6f differs from the table's %.6f "
                        + "(table computed under model version %s, this code is %s).", r.rerunScore(), r.tableScore(),
                        runModel, ModelVersion.ID);
        return String.format(Locale.ROOT, "The %s point by mean replay Σcorr over its replicates (%.3f); shown is its "
                + "%s replicate, %d (seed %d, replay Σcorr %.3f), simulated again from its parameters and seed. Top: the target rates over one cycle; below: the last scored cycle of the "
                + "undisturbed replay and of each disturbance scenario, aligned at its best shift (colour: rate 0 … 1). %s",
                r.rank(), r.pointMean(), r.rank(), r.run().<Integer>getAs("replicate"), r.run().<Long>getAs("seed"),
                r.tableScore(), check);
    }
}
