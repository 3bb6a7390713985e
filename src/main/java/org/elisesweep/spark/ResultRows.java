package org.elisesweep.spark;

import java.io.IOException;
import java.time.Instant;
import org.elisesweep.model.LearningCurve;
import org.elisesweep.model.ModelVersion;
import org.elisesweep.model.Pattern;
import org.elisesweep.model.ReplayScores;
import org.elisesweep.model.Robustness;
import org.elisesweep.model.ScenarioResult;
import org.elisesweep.model.SimulationResult;
import org.elisesweep.model.Status;
import org.elisesweep.sweep.PlannedRun;

/** Turns one simulation's result into rows of the four tables. */
final class ResultRows {
    private final SweepContext ctx;
    private final TableWriter runs;
    private final TableWriter curves;
    private final TableWriter replay;
    private final TableWriter robustness;

    ResultRows(SweepContext ctx, TableWriter runs, TableWriter curves, TableWriter replay, TableWriter robustness) {
        this.ctx = ctx;
        this.runs = runs;
        this.curves = curves;
        this.replay = replay;
        this.robustness = robustness;
    }

    /** Everything about one simulation that is not in its result. */
    record RunInfo(PlannedRun run, Object[] parameters, Pattern pattern, String host, Instant startedAt, Instant endedAt) {
    }

    void write(RunInfo info, Status status, String message, SimulationResult r) throws IOException {
        PlannedRun run = info.run();
        int nVis = info.pattern() == null ? 0 : info.pattern().neurons();
        LearningCurve c = r == null ? null : r.curve();
        Object[] head = {run.pointId(), run.replicate(), run.seed()};
        Object[] metrics = RunMetrics.of(status, message, r, info.pattern());
        Object[] rest = {
            r == null ? 0.0 : r.wallSeconds(), r == null ? null : RunMetrics.finite(r.microsPerStep()),
            ModelVersion.ID, ctx.code().commit(), ctx.code().dirty(), ctx.configHash(), ctx.sparkVersion(),
            System.getProperty("java.version"), info.host(), info.startedAt(), info.endedAt(), run.role()};
        Object[] tail = new Object[metrics.length + rest.length];
        System.arraycopy(metrics, 0, tail, 0, metrics.length);
        System.arraycopy(rest, 0, tail, metrics.length, rest.length);
        Object[] row = new Object[head.length + info.parameters().length + tail.length];
        System.arraycopy(head, 0, row, 0, head.length);
        System.arraycopy(info.parameters(), 0, row, head.length, info.parameters().length);
        System.arraycopy(tail, 0, row, head.length + info.parameters().length, tail.length);
        runs.write(row);
        if (r == null) {
            return;
        }
        for (int k = 0; k < c.points(); k++) {
            curves.write(run.pointId(), run.replicate(), c.cycles()[k], c.mse()[k], c.sumCorr()[k],
                    c.sumCorr()[k] / nVis);
        }
        for (ScenarioResult s : r.scenarios()) {
            ReplayScores sc = s.scores();
            if (sc != null) {
                for (int k = 0; k < sc.cycles(); k++) {
                    replay.write(run.pointId(), run.replicate(), s.name(), sc.firstCycle() + k,
                            sc.mse()[k], sc.sumCorr()[k], sc.sumCorr()[k] / nVis, sc.bestShiftMs()[k]);
                }
            }
            Robustness rb = s.robustness();
            if (rb != null) {
                robustness.write(run.pointId(), run.replicate(), s.name(),
                        rb.sumCorrBefore(), rb.sumCorrBefore() / nVis, rb.sumCorrDuring(), rb.sumCorrDuring() / nVis,
                        rb.sumCorrAfter(), rb.sumCorrAfter() / nVis, rb.mseBefore(), rb.mseDuring(), rb.mseAfter(),
                        rb.recovered(), rb.recovered() ? rb.recoveryCycles() : null, rb.phaseJumpMs());
            }
        }
    }

    /** NaN and infinities become SQL NULL, so aggregates in SQL are not poisoned. */
}
