package org.elisesweep.spark;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.And;
import org.apache.spark.sql.catalyst.expressions.BinaryComparison;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Not;
import org.apache.spark.sql.catalyst.expressions.Or;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.types.DataTypes;
import org.elisesweep.sweep.ConfigProblems;

/**
 * A frontier's criterion: a Spark SQL comparison over {@code runs} columns, checked against the
 * {@code runs} schema before anything runs and evaluated with Spark SQL on the committed rows. A
 * replicate whose criterion is null (a simulation that failed, so has no replay metrics) fails it.
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
        return e instanceof BinaryComparison;
    }

    /** Null when the criterion is a boolean over the columns of {@code runs}, else why not. */
    private static String typeProblem(SparkSession spark, String sql) {
        Dataset<Row> empty = spark.createDataFrame(List.of(), Tables.sparkSchema(Tables.runs(new ParameterColumns())));
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

    /**
     * The outcomes of the committed replicates 0..replicates-1 of {@code points}: by point id,
     * {passes, runs}. Points without a committed replicate are absent.
     */
    Map<String, int[]> outcomes(Path runsDir, Set<String> points, int replicates) throws IOException {
        Map<String, int[]> out = new HashMap<>();
        if (!runsDir.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(runsDir)) {
            return out;
        }
        List<Row> rows = spark.read().parquet(runsDir.toString())
                .where(org.apache.spark.sql.functions.col("replicate").lt(replicates))
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
