package org.elisesweep.spark;

import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.sweep.SweepPlan;

/**
 * Driver-side progress of a sweep, fed by a SparkListener: simulations done and failed (from
 * accumulators the tasks update, merged before each task-end event), speed and ETA in a console
 * progress bar. Also enforces {@code fail-fast}: when the first M simulations all failed with the
 * same error (numbers ignored), it cancels the sweep's jobs.
 */
final class SweepProgress extends SparkListener implements AutoCloseable {
    private final SparkSession spark;
    private final SweepPlan plan;
    private final TaskCounters acc;
    private final ProgressBar bar;
    private volatile String abortReason;

    SweepProgress(SparkSession spark, SweepPlan plan, int simulations, boolean draw) {
        this.spark = spark;
        this.plan = plan;
        this.acc = new TaskCounters(spark.sparkContext().longAccumulator("simulations done"),
                spark.sparkContext().longAccumulator("simulations failed"),
                spark.sparkContext().collectionAccumulator("failures"));
        this.bar = draw ? new ProgressBarBuilder().setTaskName(plan.name()).setInitialMax(simulations)
                .setUnit(" sims", 1).setStyle(ProgressBarStyle.ASCII).showSpeed().setSpeedUnit(ChronoUnit.MINUTES)
                .setUpdateIntervalMillis(1000).setConsumer(new ConsoleProgressBarConsumer(System.err)).build() : null;
        spark.sparkContext().addSparkListener(this);
    }

    TaskCounters counters() {
        return acc;
    }

    /** Why the sweep was cancelled, or null. */
    String abortReason() {
        return abortReason;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        long done = acc.done().value();
        long failed = acc.failed().value();
        if (bar != null) {
            bar.stepTo(done);
            bar.setExtraMessage(failed == 0 ? "" : failed + " failed");
        }
        int m = plan.execution().failFast();
        if (m > 0 && abortReason == null && done >= m && failed == done) {
            List<String> messages = acc.failures().value();
            Set<String> distinct = new HashSet<>();
            for (String s : messages) {
                distinct.add(s.replaceAll("[0-9]+", "#"));
            }
            if (distinct.size() == 1) {
                abortReason = "fail-fast: the first " + done + " simulations all failed with " + messages.get(0);
                spark.sparkContext().cancelJobGroup("elise-sweep-" + plan.name());
            }
        }
    }

    @Override
    public void close() {
        spark.sparkContext().removeSparkListener(this);
        if (bar != null) {
            bar.stepTo(acc.done().value());
            bar.close();
        }
    }
}
