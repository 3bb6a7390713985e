package org.elisesweep.spark;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedExtractValue;
import org.apache.spark.sql.catalyst.expressions.And;
import org.apache.spark.sql.catalyst.expressions.BinaryComparison;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.In;
import org.apache.spark.sql.catalyst.expressions.IsNotNull;
import org.apache.spark.sql.catalyst.expressions.IsNull;
import org.apache.spark.sql.catalyst.expressions.Not;
import org.apache.spark.sql.catalyst.expressions.Or;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.elisesweep.sweep.ConfigProblems;

/**
 * A frontier's criterion: a Spark SQL comparison over {@code runs} columns, checked against the
 * {@code runs} schema before anything runs and evaluated with Spark SQL on the committed rows. A
 * replicate whose criterion is null (a simulation that failed, so has no replay metrics) fails it.
 * Besides the runs columns a criterion may use {@code robustness}, a map from each disturbance
 * scenario's name to that simulation's row of the {@code robustness} table, e.g.
 * {@code robustness['tonic-window'].recovered} or
 * {@code robustness['silence-cycle'].sumcorr_after_per_neuron >= 0.8} (a scenario the run did not
 * have gives null, so fails).
 */
final class FrontierCriterion {
    private static final String KEY = "frontier.criterion";
    private final SparkSession spark;
    private final String sql;

    private FrontierCriterion(SparkSession spark, String sql) {
        this.spark = spark;
        this.sql = sql;
    }

    /**
     * The criterion {@code sql}, validated.
     *
     * @throws ConfigProblems naming {@code frontier.criterion} when it does not parse, is not a
     *                        comparison (or an AND / OR / NOT of comparisons), or names an unknown column
     */
    static FrontierCriterion of(SparkSession spark, String sql, String source) {
        String problem;
        try {
            Expression parsed = spark.sessionState().sqlParser().parseExpression(sql);
            problem = isComparison(parsed) ? typeProblem(spark, sql)
                    : "'" + sql + "' is not a comparison; write one over runs columns, e.g. replay_mean_sumcorr_per_neuron >= 0.8";
        } catch (ParseException e) {
            problem = "'" + sql + "' is not a Spark SQL expression (" + firstLine(e.getMessage()) + ")";
        }
        if (problem != null) {
            throw new ConfigProblems(source, List.of(KEY + ": " + problem));
        }
        return new FrontierCriterion(spark, sql);
    }

    private static boolean isComparison(Expression e) {
        if (e instanceof And a) {
            return isComparison(a.left()) && isComparison(a.right());
        }
        if (e instanceof Or o) {
            return isComparison(o.left()) && isComparison(o.right());
        }
        if (e instanceof Not n) {
            return isComparison(n.child());
        }
        // a comparison, a null test, or a boolean column (e.g. robustness['tonic-window'].recovered;
        // typeProblem then requires it to be true or false); arithmetic is not a criterion
        return e instanceof BinaryComparison || e instanceof IsNull || e instanceof IsNotNull || e instanceof In
                || e instanceof UnresolvedAttribute || e instanceof UnresolvedExtractValue;
    }

    /** Null when the criterion is a boolean over the columns of {@code runs}, else why not. */
    private static String typeProblem(SparkSession spark, String sql) {
        StructType schema = Tables.sparkSchema(Tables.runs(new ParameterColumns()))
                .add(ROBUSTNESS, DataTypes.createMapType(DataTypes.StringType, scenarioRow()));
        Dataset<Row> empty = spark.createDataFrame(List.of(), schema);
        try {
            Dataset<Row> evaluated = empty.selectExpr("(" + sql + ") AS pass");
            return evaluated.schema().fields()[0].dataType().equals(DataTypes.BooleanType) ? null
                    : "'" + sql + "' is not true or false for a run";
        } catch (Exception e) {   // an AnalysisException, undeclared
            if (!(e instanceof AnalysisException a)) {
                throw e;
            }
            return "'" + sql + "': " + firstLine(a.getSimpleMessage()) + " (the columns of runs are listed in README"
                    + " \"Tables\")";
        }
    }

    /** The name of the criterion's map of a run's disturbance scenarios to their robustness rows. */
    static final String ROBUSTNESS = "robustness";

    /** A robustness row without its keys and scenario: what {@code robustness['name']} holds. */
    private static StructType scenarioRow() {
        List<TableColumn> columns = Tables.robustness().stream()
                .filter(c -> !Set.of("point_id", "replicate", "scenario").contains(c.name())).toList();
        return Tables.sparkSchema(columns);
    }

    /**
     * The outcomes of the committed replicates 0..replicates-1 of {@code points}: by point id,
     * {passes, runs}. Points without a committed replicate are absent.
     */
    Map<String, int[]> outcomes(TableLayout layout, Set<String> points, int replicates) throws IOException {
        Path runsDir = layout.partitionDir(Tables.RUNS);
        FileSystem fs = runsDir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fs.exists(runsDir)) {
            return new HashMap<>();
        }
        Dataset<Row> runs = spark.read().parquet(runsDir.toString());
        if (!sql.contains(ROBUSTNESS)) {   // a criterion over runs alone: robustness need not be read every round
            return count(runs, points, replicates);
        }
        Path robustnessDir = layout.partitionDir(Tables.ROBUSTNESS);
        Column[] fields = Arrays.stream(scenarioRow().fieldNames()).map(functions::col).toArray(Column[]::new);
        Dataset<Row> scenarios = fs.exists(robustnessDir)
                ? spark.read().parquet(robustnessDir.toString()).groupBy("point_id", "replicate")
                        .agg(functions.map_from_entries(functions.collect_list(functions.struct(
                                functions.col("scenario"), functions.struct(fields)))).as(ROBUSTNESS))
                : spark.createDataFrame(List.of(), new StructType().add("point_id", DataTypes.StringType)
                        .add("replicate", DataTypes.IntegerType)
                        .add(ROBUSTNESS, DataTypes.createMapType(DataTypes.StringType, scenarioRow())));
        return count(runs.join(scenarios, scala.jdk.javaapi.CollectionConverters.asScala(
                List.of("point_id", "replicate")).toSeq(), "left"), points, replicates);
    }

    /** {passes, runs} by point id of the criterion over {@code runs}' replicates 0..replicates-1 of {@code points}. */
    private Map<String, int[]> count(Dataset<Row> runs, Set<String> points, int replicates) {
        Map<String, int[]> out = new HashMap<>();
        List<Row> rows = runs.where(functions.col("replicate").lt(replicates))
                .selectExpr("point_id", "replicate", "coalesce((" + sql + "), false) AS pass")
                .dropDuplicates(new String[] {"point_id", "replicate"}).collectAsList();
        for (Row r : rows) {
            if (points.contains(r.getString(0))) {
                int[] counts = out.computeIfAbsent(r.getString(0), k -> new int[2]);
                counts[0] += r.getBoolean(2) ? 1 : 0;
                counts[1]++;
            }
        }
        return out;
    }

    private static String firstLine(String m) {
        return m == null ? "" : m.lines().findFirst().orElse("").trim();
    }
}
