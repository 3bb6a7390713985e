package org.elisesweep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.elisesweep.model.Status;
import org.elisesweep.sweep.SensitivityAnalysis;
import org.elisesweep.sweep.SensitivityDesign;
import org.elisesweep.sweep.SensitivityRole;
import org.elisesweep.sweep.SensitivitySpec;
import org.elisesweep.sweep.SweepPlan;

/**
 * The {@code sensitivity} table of a sensitivity sweep ({@link Tables#sensitivity}): the driver
 * stores the sweep file's section next to the manifest when the sweep starts and analyses the
 * {@code runs} table when it ends; {@code elise sensitivity} analyses it again at any time. Only the
 * runs of points the current sweep file plans (the manifest) count, each found by its {@code role}.
 * The table is one file, written aside and renamed over the previous one.
 */
public final class SensitivityTable {
    /** What an analysis found: the indices of every output, and where the table is. */
    public record Analysis(String sweep, String table, SensitivitySpec spec, List<SensitivityAnalysis.Result> results) {
        public Analysis {
            results = List.copyOf(results);
        }

        /** The table as text: per output its indices, ΣS1 and 1 − ΣS1 (sobol), then its warnings. */
        public String render() {
            StringBuilder b = new StringBuilder();
            boolean sobol = spec.method() == SensitivitySpec.Method.SOBOL;
            for (SensitivityAnalysis.Result r : results) {
                b.append(String.format(Locale.ROOT, "%s (%s, n = %d, rows used %d of %d, %s intervals):%n", r.output(),
                        spec.method().key(), r.n(), r.rowsUsed(), r.n(), level(spec.confidence())));
                b.append(sobol ? String.format(Locale.ROOT, "  %-32s %24s %24s%n", "parameter", "S1 [interval]", "ST [interval]")
                        : String.format(Locale.ROOT, "  %-32s %30s %10s%n", "parameter", "mu* [interval]", "sigma"));
                for (SensitivityAnalysis.Index x : r.indices()) {
                    b.append(sobol
                            ? String.format(Locale.ROOT, "  %-32s %24s %24s%n", x.parameter(),
                                    withInterval(x.s1(), x.s1Low(), x.s1High()), withInterval(x.st(), x.stLow(), x.stHigh()))
                            : String.format(Locale.ROOT, "  %-32s %30s %10s%n", x.parameter(),
                                    withInterval(x.muStar(), x.muStarLow(), x.muStarHigh()), num(x.sigma())));
                }
                if (sobol) {
                    b.append(String.format(Locale.ROOT, "  sum of S1 %s, interactions (1 - sum of S1) %s%n",
                            num(r.sumS1()), num(r.interactions())));
                }
                r.warnings().forEach(w -> b.append("  warning: ").append(w).append(System.lineSeparator()));
            }
            b.append("table: ").append(table).append(System.lineSeparator());
            return b.toString();
        }
    }

    private SensitivityTable() {
    }

    /** Stores the sensitivity section of {@code plan}, if it has one, for later analyses. */
    static void writeDesign(FileSystem fs, TableLayout layout, SweepPlan plan) throws IOException {
        if (plan.sensitivity() != null) {
            byte[] section = plan.sensitivity().section().getBytes(StandardCharsets.UTF_8);
            SweepManifest.replace(fs, layout.sensitivityDesign(), out -> out.write(section));
        }
    }

    /**
     * Analyses sweep {@code sweep} of {@code outputRoot} (null: the only one there) and writes its
     * {@code sensitivity} table.
     *
     * @throws InvalidOutputException   when the sweep is not a sensitivity sweep
     * @throws NotASweepOutputException when the directory holds no results (of that sweep)
     */
    public static Analysis analyse(SparkSession spark, String outputRoot, String sweep)
            throws NotASweepOutputException, IOException {
        SweepTables tables = SweepTables.open(spark, outputRoot, sweep);
        Path root = new Path(outputRoot);
        FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        return analyse(spark, fs, new TableLayout(fs.makeQualified(root).toString(), tables.sweep()), tables.runs());
    }

    /** Analyses the sweep of {@code layout}, whose {@code runs} table is {@code runs}, and writes its table. */
    static Analysis analyse(SparkSession spark, FileSystem fs, TableLayout layout, Dataset<Row> runs)
            throws IOException {
        Path designFile = layout.sensitivityDesign();
        SweepManifest manifest = SweepManifest.read(fs, layout);
        if (!fs.exists(designFile) || manifest == null) {
            throw new InvalidOutputException("sweep '" + layout.sweep() + "' in " + layout.root() + " is not a sensitivity"
                    + " sweep: its sweep file has no sensitivity section (docs/sensitivity.md)");
        }
        SensitivitySpec spec = spec(fs, designFile);
        SensitivityDesign design = SensitivityDesign.of(spec);
        Map<String, Map<SensitivityRole, double[]>> values = values(runs, spec, manifest.planned().keySet());
        SensitivityAnalysis analysis = new SensitivityAnalysis(design);
        List<SensitivityAnalysis.Result> results = new ArrayList<>();
        for (String output : spec.outputs()) {
            results.add(analysis.analyse(output, values.get(output)));
        }
        write(fs, layout, spec, results, spark.sparkContext().hadoopConfiguration());
        return new Analysis(layout.sweep(), layout.sensitivityTable().toString(), spec, results);
    }

    /**
     * The analysis stored in the {@code sensitivity} table of sweep {@code sweep} of {@code outputRoot},
     * with the warnings its analysis gave (they follow from the table's counts and indices); empty
     * when the sweep has no such table (not a sensitivity sweep, or not analysed yet). Writes nothing.
     */
    public static Optional<Analysis> read(SparkSession spark, String outputRoot, String sweep) throws IOException {
        Path root = new Path(outputRoot);
        FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        TableLayout layout = new TableLayout(fs.makeQualified(root).toString(), sweep);
        if (!fs.exists(layout.sensitivityTable()) || !fs.exists(layout.sensitivityDesign())) {
            return Optional.empty();
        }
        SensitivitySpec spec = spec(fs, layout.sensitivityDesign());
        Map<String, List<Row>> byOutput = new HashMap<>();
        for (Row r : spark.read().parquet(layout.sensitivityTable().toString()).collectAsList()) {
            byOutput.computeIfAbsent(r.getAs("output"), o -> new ArrayList<>()).add(r);
        }
        List<SensitivityAnalysis.Result> results = new ArrayList<>();
        for (String output : spec.outputs()) {
            List<Row> rows = byOutput.getOrDefault(output, List.of());
            if (!rows.isEmpty()) {
                results.add(result(spec, output, rows));
            }
        }
        return Optional.of(new Analysis(sweep, layout.sensitivityTable().toString(), spec, results));
    }

    /** The sensitivity section stored when the sweep started ({@link #writeDesign}). */
    private static SensitivitySpec spec(FileSystem fs, Path designFile) throws IOException {
        try (InputStream in = fs.open(designFile)) {
            return SensitivitySpec.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), designFile.toString());
        }
    }

    /** One output's rows of the table as the analysis result they were written from, parameters in the section's order. */
    private static SensitivityAnalysis.Result result(SensitivitySpec spec, String output, List<Row> rows) {
        List<SensitivityAnalysis.Index> indices = new ArrayList<>();
        double sumS1 = spec.method() == SensitivitySpec.Method.SOBOL ? 0 : Double.NaN;
        for (SensitivitySpec.Factor f : spec.factors()) {
            Row r = rows.stream().filter(x -> f.path().equals(x.getAs("parameter"))).findFirst()
                    .orElseThrow(() -> new InvalidOutputException("the sensitivity table has no row for output " + output
                            + " and parameter " + f.path() + "; run elise sensitivity again"));
            SensitivityAnalysis.Index x = new SensitivityAnalysis.Index(f.path(), number(r, "s1"), number(r, "s1_low"),
                    number(r, "s1_high"), number(r, "st"), number(r, "st_low"), number(r, "st_high"),
                    number(r, "mu_star"), number(r, "mu_star_low"), number(r, "mu_star_high"), number(r, "sigma"));
            indices.add(x);
            sumS1 += x.s1();
        }
        Row first = rows.get(0);
        int used = first.getAs("rows_used");
        int substituted = first.getAs("substituted");
        return new SensitivityAnalysis.Result(output, spec.method(), first.getAs("n"), used, first.getAs("rows_dropped"),
                substituted, indices, sumS1, SensitivityAnalysis.warnings(spec, output, used, substituted, indices));
    }

    /** A nullable index column: null (no index) is NaN, as in the analysis. */
    private static double number(Row r, String column) {
        Object v = r.getAs(column);
        return v == null ? Double.NaN : (Double) v;
    }

    /**
     * Per output, per role, the value of each replicate in replicate order: NaN for a run that is
     * not OK or has no value. Only runs of planned points, so rows of an earlier sweep file with
     * the same roles never count.
     */
    private static Map<String, Map<SensitivityRole, double[]>> values(Dataset<Row> runs, SensitivitySpec spec,
                                                                      Set<String> planned) {
        List<org.apache.spark.sql.Column> columns = new ArrayList<>(List.of(functions.col("point_id"),
                functions.col("replicate"), functions.col("role"), functions.col("status")));
        spec.outputs().forEach(o -> columns.add(functions.col(o).cast("double")));
        List<Row> rows = runs.where(functions.col("role").isNotNull())
                .select(columns.toArray(new org.apache.spark.sql.Column[0])).collectAsList();
        Map<String, Map<SensitivityRole, TreeMap<Integer, Double>>> byReplicate = new HashMap<>();
        for (Row row : rows) {
            if (!planned.contains(row.getString(0))) {
                continue;
            }
            SensitivityRole role = SensitivityRole.parse(row.getString(2));
            boolean ok = Status.OK.name().equals(row.getString(3));
            for (int k = 0; k < spec.outputs().size(); k++) {
                double x = ok && !row.isNullAt(4 + k) ? row.getDouble(4 + k) : Double.NaN;
                byReplicate.computeIfAbsent(spec.outputs().get(k), o -> new HashMap<>())
                        .computeIfAbsent(role, r -> new TreeMap<>()).put(row.getInt(1), x);
            }
        }
        Map<String, Map<SensitivityRole, double[]>> out = new HashMap<>();
        for (String output : spec.outputs()) {
            Map<SensitivityRole, double[]> m = new HashMap<>();
            byReplicate.getOrDefault(output, Map.of()).forEach((role, reps) ->
                    m.put(role, reps.values().stream().mapToDouble(Double::doubleValue).toArray()));
            out.put(output, m);
        }
        return out;
    }

    private static void write(FileSystem fs, TableLayout layout, SensitivitySpec spec,
                              List<SensitivityAnalysis.Result> results, org.apache.hadoop.conf.Configuration conf)
            throws IOException {
        Path target = layout.sensitivityTable();
        Path staged = new Path(layout.staging("sensitivity", UUID.randomUUID().toString()), "part.parquet");
        try {
            try (TableWriter w = new TableWriter(staged, Tables.SENSITIVITY, Tables.sensitivity(), conf)) {
                for (SensitivityAnalysis.Result r : results) {
                    for (SensitivityAnalysis.Index x : r.indices()) {
                        w.write(r.output(), x.parameter(), spec.method().key(), RunMetrics.finite(x.s1()), RunMetrics.finite(x.s1Low()),
                                RunMetrics.finite(x.s1High()), RunMetrics.finite(x.st()), RunMetrics.finite(x.stLow()), RunMetrics.finite(x.stHigh()),
                                RunMetrics.finite(x.muStar()), RunMetrics.finite(x.muStarLow()), RunMetrics.finite(x.muStarHigh()), RunMetrics.finite(x.sigma()),
                                r.n(), r.rowsUsed(), r.rowsDropped(), r.substituted(), spec.confidence(), spec.bootstrap());
                    }
                }
            }
            fs.mkdirs(target.getParent());
            FileContext.getFileContext(fs.getUri(), fs.getConf()).rename(staged, target, Options.Rename.OVERWRITE);
        } finally {
            fs.delete(staged.getParent(), true);
        }
    }

    private static String num(double x) {
        return Double.isFinite(x) ? String.format(Locale.ROOT, "%.3f", x) : "-";
    }

    private static String withInterval(double x, double low, double high) {
        return num(x) + " [" + num(low) + ", " + num(high) + "]";
    }

    private static String level(double confidence) {
        return (Math.round(confidence * 1000) / 10.0) + "%";
    }
}
