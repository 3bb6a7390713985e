package org.elisesweep.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.sweep.FrontierPlan;
import org.elisesweep.sweep.FrontierSearch;
import org.elisesweep.sweep.SweepPoint;

/**
 * The driver of a frontier sweep: rounds of probes, each round one ordinary sweep job
 * ({@link SweepJob}) of every probe proposed so far, so that the manifest plans them all and the
 * committed ones are skipped. After each round it reads the probes' outcomes back from {@code runs}
 * ({@link FrontierCriterion}), rewrites the {@code frontiers} table ({@link FrontierTable}) and asks
 * {@link FrontierSearch} for the next probes. It holds the sweep's lease from start to end.
 *
 * <p>The proposals are a pure function of the sweep file and the committed outcomes, so a driver
 * killed in any round and rerun proposes the same probes round by round, finds them committed and
 * computes only what is missing.
 */
public final class FrontierJob {
    private final SparkSession spark;
    private final FrontierPlan plan;
    private final SweepJob.Options options;
    private final FrontierCriterion criterion;
    private final FrontierSearch search;
    private final FrontierTable table;
    private final FileSystem fs;
    private final TableLayout layout;

    private FrontierJob(SparkSession spark, FrontierPlan plan, SweepJob.Options options, FrontierCriterion criterion)
            throws IOException {
        this.spark = spark;
        this.plan = plan;
        this.options = options;
        this.criterion = criterion;
        this.search = new FrontierSearch(plan.spec());
        this.table = new FrontierTable(plan);
        Path root = new Path(options.outputRoot());
        this.fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        this.layout = new TableLayout(fs.makeQualified(root).toString(), plan.name());
    }

    /**
     * Runs the frontier sweep until every configuration's search has ended, or a round stops early
     * (interrupted, fail-fast, time budget): rerunning continues it.
     *
     * @throws org.elisesweep.sweep.ConfigProblems when the criterion is not a comparison over runs columns
     */
    public static FrontierSummary run(SparkSession spark, FrontierPlan plan, SweepJob.Options options)
            throws IOException {
        FrontierCriterion criterion = FrontierCriterion.of(spark, plan.spec().criterion(), plan.sourceFile());
        FrontierJob job = new FrontierJob(spark, plan, options, criterion);
        try (SweepLease lease = SweepJob.acquireLease(spark, job.fs, job.layout, options)) {
            return job.rounds(lease);
        }
    }

    private FrontierSummary rounds(SweepLease lease) throws IOException {
        List<FrontierPlan.Configuration> configs = plan.configurations();
        List<TreeMap<Double, String>> probes = new ArrayList<>();   // per configuration: value → probe point id
        configs.forEach(c -> probes.add(new TreeMap<>()));
        int[] rounds = new int[configs.size()];
        List<SweepPoint> all = new ArrayList<>();
        Map<String, int[]> outcomes = Map.of();
        SweepSummary last = null;
        long computed = 0;
        for (int round = 0; ; round++) {
            List<FrontierSearch.Step> steps = new ArrayList<>();
            for (int c = 0; c < configs.size(); c++) {
                steps.add(search.next(committed(probes.get(c), outcomes), rounds[c]));
            }
            List<FrontierSearch.Estimate> estimates = steps.stream().map(FrontierSearch.Step::estimate).toList();
            if (round > 0) {
                table.write(fs, layout, estimates);
            }
            boolean stoppedEarly = last != null && !last.complete();
            List<SweepPoint> fresh = stoppedEarly ? List.of() : propose(configs, steps, probes, rounds);
            if (fresh.isEmpty()) {
                return new FrontierSummary(plan.name(), plan.spec().path(), plan.spec().criterion(),
                        configs.stream().map(this::describe).toList(), estimates, maxOf(rounds), computed, last,
                        FrontierTable.file(layout).toString());
            }
            all.addAll(fresh);
            if (options.progress()) {
                System.err.printf("frontier %s, round %d: %d probes (%d simulations); %d of %d configurations done%n",
                        plan.name(), round + 1, fresh.size(), (long) fresh.size() * plan.spec().replicates(),
                        estimates.stream().filter(e -> e.status().finished()).count(), configs.size());
            }
            // only the first round reruns failed simulations: later rounds would redo them again and again
            SweepJob.Options roundOptions = round == 0 ? options : new SweepJob.Options(options.outputRoot(), false,
                    options.progress(), options.tasks(), options.lease(), options.stop());
            last = SweepJob.runUnderLease(spark, plan.sweepOf(all), roundOptions, lease);
            computed += last.computedNow().values().stream().mapToLong(Long::longValue).sum();
            outcomes = criterion.outcomes(layout, pointIds(all), plan.spec().replicates());
        }
    }

    /** The next probes of every unfinished configuration, recorded in {@code probes} and counted in {@code rounds}. */
    private List<SweepPoint> propose(List<FrontierPlan.Configuration> configs, List<FrontierSearch.Step> steps,
                                     List<TreeMap<Double, String>> probes, int[] rounds) {
        List<SweepPoint> fresh = new ArrayList<>();
        for (int c = 0; c < configs.size(); c++) {
            for (double x : steps.get(c).next()) {
                SweepPoint p = plan.probe(configs.get(c), x);
                probes.get(c).put(x, p.pointId());
                fresh.add(p);
            }
            if (!steps.get(c).next().isEmpty()) {
                rounds[c]++;
            }
        }
        return fresh;
    }

    /** The probes of one configuration with at least one committed replicate, by value. */
    private static List<FrontierSearch.Probe> committed(TreeMap<Double, String> probes, Map<String, int[]> outcomes) {
        List<FrontierSearch.Probe> out = new ArrayList<>();
        probes.forEach((x, id) -> {
            int[] o = outcomes.get(id);
            if (o != null && o[1] > 0) {
                out.add(new FrontierSearch.Probe(x, o[0], o[1]));
            }
        });
        return out;
    }

    private static Set<String> pointIds(List<SweepPoint> points) {
        Set<String> ids = new HashSet<>();
        points.forEach(p -> ids.add(p.pointId()));
        return ids;
    }

    private static int maxOf(int[] rounds) {
        int max = 0;
        for (int r : rounds) {
            max = Math.max(max, r);
        }
        return max;
    }

    /** "model.n-lat = 8, model.lambda = 0.5" ("all" with one configuration). */
    private String describe(FrontierPlan.Configuration c) {
        String s = plan.varyingPaths().stream().map(p -> p + " = " + c.parameters().get(p))
                .collect(Collectors.joining(", "));
        return s.isEmpty() ? "all" : s;
    }
}
