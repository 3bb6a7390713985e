package org.elisesweep.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.Function;
import org.elisesweep.model.Lockstep;
import org.elisesweep.model.NetworkSnapshot;
import org.elisesweep.model.NetworkSnapshotSerializer;
import org.elisesweep.model.Simulation;
import org.elisesweep.model.SimulationListener;
import org.elisesweep.model.SimulationResult;
import org.elisesweep.model.SimulationSpec;
import org.elisesweep.model.Status;
import org.elisesweep.model.Stepper;
import org.elisesweep.sweep.ConfigProblems;
import org.elisesweep.sweep.LockstepGroups;
import org.elisesweep.sweep.PlannedRun;

/**
 * The executor side of a sweep: runs one batch of simulations and commits its rows.
 *
 * <p>Commit protocol: all four tables' files are written under a private staging directory, then
 * renamed into place, detail tables first and {@code runs} last; a simulation counts as done once
 * its {@code runs} file exists. File names derive from the batch, so a retried or speculative
 * attempt produces the same names with identical content (results depend only on parameters and
 * seed), and renaming onto an existing file never duplicates a row. A simulation's failure
 * (diverged, timed out, crashed, invalid) is a row with its status; only I/O faults fail the task,
 * and Spark retries those.
 *
 * <p>The batch's simulations run in lock-step groups ({@link LockstepGroups}: by default those of
 * one shape and wiring, 8 at a time for small networks; {@code execution.lockstep}); their rows are
 * the same bits as run one by one.
 */
final class BatchRunner implements Function<RunBatch, BatchOutcome> {
    private static final long serialVersionUID = 1L;

    private final SweepContext ctx;
    private final TaskCounters progress;

    BatchRunner(SweepContext ctx, TaskCounters progress) {
        this.ctx = ctx;
        this.progress = progress;
    }

    @Override
    public BatchOutcome call(RunBatch batch) throws IOException {
        Configuration conf = new Configuration();
        for (Map.Entry<String, String> e : ctx.hadoopConf().entrySet()) {
            conf.set(e.getKey(), e.getValue());
        }
        TableLayout layout = new TableLayout(ctx.outputRoot(), ctx.sweep());
        FileSystem fs = layout.root().getFileSystem(conf);
        Path staging = layout.staging(batch.key, UUID.randomUUID().toString());
        ParameterColumns parameters = new ParameterColumns();
        BatchOutcome outcome = new BatchOutcome();
        try {
            try (TableWriter runs = new TableWriter(new Path(staging, Tables.RUNS), Tables.RUNS,
                    Tables.runs(parameters), conf);
                 TableWriter curves = new TableWriter(new Path(staging, Tables.CURVES), Tables.CURVES, Tables.curves(), conf);
                 TableWriter replay = new TableWriter(new Path(staging, Tables.REPLAY), Tables.REPLAY, Tables.replay(), conf);
                 TableWriter robustness = new TableWriter(new Path(staging, Tables.ROBUSTNESS), Tables.ROBUSTNESS,
                         Tables.robustness(), conf);
                 TableWriter networks = ctx.storeNetworks() ? new TableWriter(new Path(staging, Tables.NETWORKS),
                         Tables.NETWORKS, Tables.networks(), conf) : null) {
                ResultRows rows = new ResultRows(ctx, runs, curves, replay, robustness);
                StoredNetworkReader stored = new StoredNetworkReader(conf);
                List<PlannedRun> ordered = Arrays.asList(inNetworkOrder(batch.runs));
                for (List<PlannedRun> group : LockstepGroups.steppedBy(ordered, ctx.lockstep(), Lockstep.autoStepsGroups())) {
                    simulate(group, parameters, rows, networks, stored, outcome);
                }
            }
            commit(fs, layout, staging, batch.key);
        } finally {
            fs.delete(staging, true);
        }
        return outcome;
    }

    /** The runs with those continuing one stored network next to each other, so that it is read once. */
    private static PlannedRun[] inNetworkOrder(PlannedRun[] runs) {
        PlannedRun[] sorted = runs.clone();
        Arrays.sort(sorted, Comparator.comparing(
                (PlannedRun r) -> r.network() == null ? "" : r.network().file() + "/" + r.network().pointId() + "/"
                        + r.network().replicate()));
        return sorted;
    }

    /**
     * What one simulation of a group produced: its result and, when stored, its trained network,
     * when it started and ended on its own thread (a member that diverges leaves the group early),
     * and how many of its steps ran in a group ({@link Stepper#stepsInGroups}).
     */
    private record Computed(SimulationResult result, NetworkSnapshot trained, Instant started, Instant ended,
                            long stepsInGroups) {
    }

    /**
     * Runs a lock-step group of simulations together (one alone without threads) and writes
     * their rows in the group's order. Stored networks are read here, before the group starts,
     * and trained ones written after it ends, so that the members only simulate.
     */
    private void simulate(List<PlannedRun> group, ParameterColumns parameters, ResultRows rows, TableWriter networks,
                          StoredNetworkReader stored, BatchOutcome outcome) throws IOException {
        Instant started = Instant.now();
        List<java.util.function.Function<Stepper, Computed>> jobs = new ArrayList<>();
        List<PlannedRun> valid = new ArrayList<>();
        for (PlannedRun run : group) {
            SimulationSpec spec;
            try {
                spec = run.spec();
            } catch (ConfigProblems e) {
                rows.write(new ResultRows.RunInfo(run, parameters.values(run.parameters()), null, host(), started,
                        Instant.now()), Status.INVALID, e.getMessage(), null);
                record(outcome, Status.INVALID, e.getMessage(), 0, 0, 0);
                continue;
            }
            Instant begun = Instant.now();   // its stored network's reading included, as before lock-step
            NetworkSnapshot from = run.network() == null ? null : stored.load(run.network());
            boolean store = networks != null && from == null;
            valid.add(run);
            jobs.add(stepper -> compute(spec, from, store, stepper, begun));
        }
        if (jobs.isEmpty()) {
            return;
        }
        List<Computed> computed = Lockstep.run(jobs);
        for (int k = 0; k < valid.size(); k++) {
            PlannedRun run = valid.get(k);
            SimulationResult r = computed.get(k).result();
            NetworkSnapshot t = computed.get(k).trained();
            if (t != null) {
                networks.write(run.pointId(), run.replicate(), run.seed(), t.trainingHash(),
                        NetworkSnapshotSerializer.FORMAT, t.neurons(), t.trainingSteps(),
                        NetworkSnapshotSerializer.toBytes(t));
            }
            rows.write(new ResultRows.RunInfo(run, parameters.values(run.parameters()), run.spec().pattern(),
                    host(), computed.get(k).started(), computed.get(k).ended()), r.status(), r.message(), r);
            record(outcome, r.status(), r.message(), r.steps(), computed.get(k).stepsInGroups(), r.wallSeconds());
        }
    }

    /**
     * One simulation on {@code stepper}, begun at {@code started}: from the stored network
     * {@code from} (or null), keeping its trained network when {@code store}.
     */
    private Computed compute(SimulationSpec spec, NetworkSnapshot from, boolean store, Stepper stepper,
                             Instant started) {
        if (from != null) {
            SimulationResult r = Simulation.replay(spec, from, SimulationListener.NONE, ctx.budgetNanos(), stepper);
            return new Computed(r, null, started, Instant.now(), stepper.stepsInGroups());
        }
        NetworkSnapshot[] trained = new NetworkSnapshot[1];
        SimulationResult r = Simulation.run(spec, SimulationListener.NONE, ctx.budgetNanos(),
                store ? s -> trained[0] = s : null, stepper);
        return new Computed(r, trained[0], started, Instant.now(), stepper.stepsInGroups());
    }

    private void record(BatchOutcome outcome, Status status, String message, long steps, long stepsInGroups,
                        double seconds) {
        outcome.add(status, message, steps, stepsInGroups, seconds);
        progress.done().add(1);
        if (status != Status.OK) {
            progress.failed().add(1);
            if (ctx.failFast() > 0 && outcome.failures() <= ctx.failFast()) {
                progress.failures().add(status + " " + message);
            }
        }
    }

    /** Renames the staged files into the tables, runs last; an existing target holds identical rows. */
    static void commit(FileSystem fs, TableLayout layout, Path staging, String batchKey) throws IOException {
        for (String table : Tables.DETAIL) {
            Path staged = new Path(staging, table);
            if (fs.exists(staged)) {   // networks only when the sweep stores them
                publish(fs, staged, layout.committed(table, batchKey));
            }
        }
        publish(fs, new Path(staging, Tables.RUNS), layout.committed(Tables.RUNS, batchKey));
    }

    private static void publish(FileSystem fs, Path staged, Path target) throws IOException {
        fs.mkdirs(target.getParent());
        if (fs.exists(target)) {
            return;   // another attempt of this batch committed the same rows
        }
        if (!fs.rename(staged, target) && !fs.exists(target)) {
            throw new IOException("cannot commit " + staged + " to " + target);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
