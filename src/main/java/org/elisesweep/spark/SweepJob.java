package org.elisesweep.spark;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.model.Lockstep;
import org.elisesweep.model.ModelVersion;
import org.elisesweep.model.Status;
import org.elisesweep.sweep.LockstepGroups;
import org.elisesweep.sweep.PlannedRun;
import org.elisesweep.sweep.SweepPlan;
import org.elisesweep.sweep.SweepPoint;

/**
 * The driver of a sweep: works out what is still missing, spreads it over Spark tasks, shows
 * progress and summarises. All results are written and committed by the tasks themselves
 * ({@link BatchRunner}), so the driver does no per-simulation I/O, and a driver killed at any
 * moment loses only the batches in flight: rerunning computes exactly what is missing.
 */
public final class SweepJob {
    /**
     * @param outputRoot  the sweep's output directory (a path or Hadoop URI)
     * @param rerunFailed also recompute simulations committed with a status other than OK
     * @param progress    draw a console progress bar
     * @param tasks       number of Spark tasks to spread the simulations over (0: from task-seconds and cores)
     * @param lease       how the one-writer lease is renewed, when it is stale, whether to wait for it
     * @param stop        lets the caller stop the sweep early (Ctrl-C); committed work stays
     */
    public record Options(String outputRoot, boolean rerunFailed, boolean progress, int tasks,
                          SweepLease.Policy lease, StopRequest stop) {
        public Options(String outputRoot, boolean rerunFailed, boolean progress, int tasks) {
            this(outputRoot, rerunFailed, progress, tasks, SweepLease.Policy.DEFAULT, new StopRequest());
        }

        public Options(String outputRoot, boolean rerunFailed, boolean progress) {
            this(outputRoot, rerunFailed, progress, 0);
        }
    }

    private final SparkSession spark;
    private final SweepPlan plan;
    private final Options options;
    private final TableLayout layout;
    private final FileSystem fs;

    private SweepJob(SparkSession spark, SweepPlan plan, Options options) throws IOException {
        this.spark = spark;
        this.plan = plan;
        this.options = options;
        Path root = new Path(options.outputRoot());
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        this.fs = root.getFileSystem(conf);
        this.fs.setWriteChecksum(false);   // no .crc side files in the output (see TableWriter)
        this.layout = new TableLayout(fs.makeQualified(root).toString(), plan.name());
    }

    /** Runs what is missing of {@code plan}; returns the summary over the whole sweep. */
    public static SweepSummary run(SparkSession spark, SweepPlan plan, Options options) throws IOException {
        return new SweepJob(spark, resolve(spark, plan), options).execute();
    }

    /**
     * {@code plan}, with its runs resolved against the stored networks it continues
     * ({@code from-networks}); other plans unchanged.
     *
     * @throws org.elisesweep.sweep.ConfigProblems when the stored networks are missing or a point cannot continue them
     */
    public static SweepPlan resolve(SparkSession spark, SweepPlan plan) {
        return plan.continuesStoredNetworks() && plan.storedRuns() == null
                ? StoredNetworkPlanner.resolve(spark, plan) : plan;
    }

    private SweepSummary execute() throws IOException {
        // 0. one writer per (output, sweep): refuse, wait or take over before reading anything
        try (SweepLease lease = acquireLease(spark, fs, layout, options)) {
            return underLease(lease);
        }
    }

    /**
     * Takes the one-writer lease of {@code layout}'s sweep (refusing, waiting or taking over as
     * {@link Options#lease()} says); losing it later cancels the sweep's Spark jobs.
     */
    static SweepLease acquireLease(SparkSession spark, FileSystem fs, TableLayout layout, Options options)
            throws IOException {
        String group = jobGroup(layout.sweep());
        try {
            return SweepLease.acquire(fs, layout, spark.sparkContext().applicationId(), options.lease(),
                    System.err::println, () -> spark.sparkContext().cancelJobGroup(group));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the lease of " + layout.sweep());
        }
    }

    /**
     * Runs what is missing of {@code plan} while the caller holds {@code lease} of its output (a
     * frontier sweep holds it over all its rounds); as {@link #run}, for a plan that continues no stored networks.
     */
    static SweepSummary runUnderLease(SparkSession spark, SweepPlan plan, Options options, SweepLease lease)
            throws IOException {
        return new SweepJob(spark, plan, options).underLease(lease);
    }

    private static String jobGroup(String sweep) {
        return "elise-sweep-" + sweep;
    }

    private SweepSummary underLease(SweepLease lease) throws IOException {
        String group = jobGroup(plan.name());
        Runnable cancel = () -> spark.sparkContext().cancelJobGroup(group);
        options.stop().onRequest(cancel);
        try {
            SweepSummary summary;
            try {
                summary = execute(group);
            } catch (RuntimeException e) {
                if (lease.lost() != null) {   // the job was cancelled because the lease was lost
                    throw new LeaseLostException(plan.name(), lease.lost());
                }
                throw e;
            }
            if (lease.lost() != null) {
                throw new LeaseLostException(plan.name(), lease.lost());
            }
            return summary;
        } finally {
            options.stop().remove(cancel);
        }
    }

    private SweepSummary execute(String group) throws IOException {
        long start = System.nanoTime();
        // 1. what is committed already (its files intact?), and is it from this model version?
        CommittedFiles files = CommittedFiles.list(fs, layout);
        files.requireReadableAndCurrent(layout, options.outputRoot(), spark.sparkContext().hadoopConfiguration());
        CommittedRuns committed = CommittedRuns.read(spark, fs, layout);
        List<String> foreign = committed.modelVersions().stream().filter(v -> !v.equals(ModelVersion.ID)).toList();
        if (!foreign.isEmpty()) {
            throw new SweepConflictException("sweep '" + plan.name() + "' in " + layout.root() + " was computed under model version "
                    + String.join(", ", foreign) + ", this code is " + ModelVersion.ID
                    + "; use another output directory or sweep name instead of mixing results");
        }
        files.requireComplete(layout, options.outputRoot());
        SweepManifest.write(fs, layout, plan);
        SensitivityTable.writeDesign(fs, layout, plan);
        removeUncommittedFiles(committed);

        // 2. what is left to do
        List<PlannedRun> todo = new ArrayList<>();
        List<PlannedRun> redo = new ArrayList<>();
        for (PlannedRun r : plan.runs()) {
            String status = committed.status(r.pointId(), r.replicate());
            if (status == null) {
                todo.add(r);
            } else if (options.rerunFailed() && !Status.OK.name().equals(status)) {
                redo.add(r);
            }
        }
        if (!redo.isEmpty()) {
            FailedRunRemover.remove(spark, layout, redo);
            todo.addAll(redo);
        }
        int skipped = plan.runs().size() - todo.size();

        // 3. run it, in batches of about task-seconds each, committed by the tasks
        Map<Status, Long> computed = new EnumMap<>(Status.class);
        long steps = 0;
        long stepsInGroups = 0;
        String abort = null;
        if (!todo.isEmpty() && !options.stop().requested()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<RunBatch> batches = batches(todo, jsc.defaultParallelism());
            SweepContext ctx = new SweepContext(plan.name(), layout.root().toString(), plan.configHash(),
                    CodeVersion.ofThisBuild(), spark.version(), plan.execution().timeBudget().toNanos(),
                    plan.execution().failFast(), hadoopSettings(), plan.networks().store(),
                    plan.execution().lockstep());
            try (SweepProgress progress = new SweepProgress(spark, plan, todo.size(), options.progress())) {
                jsc.setJobGroup(group, "sweep " + plan.name() + ": " + todo.size() + " simulations in "
                        + batches.size() + " tasks", true);
                try {
                    List<BatchOutcome> outcomes = jsc.parallelize(batches, batches.size())
                            .map(new BatchRunner(ctx, progress.counters())).collect();
                    for (BatchOutcome o : outcomes) {
                        o.counts().forEach((s, n) -> computed.merge(s, (long) n, Long::sum));
                        steps += o.steps;
                        stepsInGroups += o.stepsInGroups;
                    }
                } catch (Exception e) {   // Spark throws SparkException undeclared
                    abort = options.stop().requested() ? SweepSummary.INTERRUPTED : progress.abortReason();
                    if (abort == null) {
                        throw e instanceof RuntimeException re ? re
                                : new IllegalStateException("sweep " + plan.name() + " failed: " + e.getMessage(), e);
                    }
                } finally {
                    jsc.clearJobGroup();
                }
            }
        }
        SweepSummary summary = SweepSummary.of(spark, plan, layout, skipped, computed,
                new SweepSummary.Steps(steps, stepsInGroups), abort, (System.nanoTime() - start) / 1e9);
        if (plan.sensitivity() != null && abort == null) {   // a stopped sweep is analysed by elise sensitivity later
            System.out.print(SensitivityTable.analyse(spark, fs, layout,
                    spark.read().parquet(layout.partitionDir(Tables.RUNS).toString())).render());
        }
        return summary;
    }

    /**
     * Detail-table files whose batch has no committed {@code runs} file belong to a task that died
     * between its renames; they are removed so that their simulations can be recomputed without
     * duplicates. Staging directories of dead attempts go too.
     */
    private void removeUncommittedFiles(CommittedRuns committed) throws IOException {
        for (String table : Tables.DETAIL) {
            Path dir = layout.partitionDir(table);
            if (!fs.exists(dir)) {
                continue;
            }
            for (FileStatus f : fs.listStatus(dir)) {
                String key = TableLayout.batchKeyOf(f.getPath().getName());
                if (key != null && !committed.batchKeys().contains(key)) {
                    fs.delete(f.getPath(), false);
                }
            }
        }
        fs.delete(layout.staging("", "").getParent(), true);
    }

    /**
     * Groups runs into tasks of about {@code task-seconds} by their estimated cost, and into at
     * least two tasks per core where there are enough runs, so every core stays busy to the end.
     * The units are the lock-step groups ({@link LockstepGroups}), never split across tasks.
     * Largest first into the least loaded batch (LPT), deterministic for a given list.
     */
    List<RunBatch> batches(List<PlannedRun> runs, int cores) {
        CostModel model = new CostModel();
        Map<String, Double> costOfPoint = new HashMap<>();
        for (SweepPoint p : plan.points()) {
            costOfPoint.put(p.pointId(), model.seconds(p, !plan.continuesStoredNetworks()));
        }
        // executors step auto's groups in other JVMs (a cluster's, with the Vector API from
        // conf/spark-defaults.conf), or here when embedded
        boolean executorsStepGroups = !spark.sparkContext().isLocal() || Lockstep.autoStepsGroups();
        List<List<PlannedRun>> units = LockstepGroups.forTasks(runs, plan.execution().lockstep(), cores,
                executorsStepGroups);
        double[] cost = new double[units.size()];
        double total = 0;
        for (int k = 0; k < units.size(); k++) {
            for (PlannedRun r : units.get(k)) {
                cost[k] += costOfPoint.get(r.pointId());
            }
            total += cost[k];
        }
        int count = options.tasks() > 0 ? options.tasks()
                : (int) Math.max(Math.ceil(total / plan.execution().taskSeconds()), Math.min(units.size(), 2L * cores));
        count = Math.min(count, units.size());
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < units.size(); k++) {
            order.add(k);
        }
        order.sort(Comparator.comparingDouble((Integer k) -> -cost[k]).thenComparing(k -> k));
        List<List<PlannedRun>> bins = new ArrayList<>();
        double[] load = new double[count];
        // least loaded bin first, ties by index: O(units · log bins)
        PriorityQueue<Integer> lightest = new PriorityQueue<>(
                Comparator.comparingDouble((Integer b) -> load[b]).thenComparing(b -> b));
        for (int b = 0; b < count; b++) {
            bins.add(new ArrayList<>());
            lightest.add(b);
        }
        for (int k : order) {
            int best = lightest.poll();
            bins.get(best).addAll(units.get(k));
            load[best] += cost[k];
            lightest.add(best);
        }
        String driverRun = UUID.randomUUID().toString();
        return bins.stream().map(b -> new RunBatch(b.toArray(new PlannedRun[0]), driverRun)).toList();
    }

    private Map<String, String> hadoopSettings() {
        Map<String, String> m = new HashMap<>();
        for (Map.Entry<String, String> e : spark.sparkContext().hadoopConfiguration()) {
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }
}
