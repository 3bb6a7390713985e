package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.model.Pattern;
import org.elisesweep.model.PatternGenerator;
import org.elisesweep.model.PatternRecipe;
import org.elisesweep.sweep.SweepFile;
import org.elisesweep.sweep.SweepPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The task's figures in the runs table, for a generated and for the built-in pattern. */
class TaskColumnsTest {
    private final SparkSession spark = SharedSpark.get();

    @Test
    void runsRowsCarryTheTaskMeasuredOnThePattern(@TempDir Path out) throws Exception {
        SweepPlan plan = SweepFile.parse(ConfigFactory.parseString("""
                name = tasks
                base { training.cycles = 4, replay.cycles = 5, model.n-lat = 6, replay.scenarios = [] }
                axes = [ { path = pattern.generator, values = [none, random] } ]
                execution { task-seconds = 0.2 }
                """), "test", Path.of("."));
        assertTrue(SweepJob.run(spark, plan, new SweepJob.Options(out.toString(), false, false, 0)).complete());
        spark.read().parquet(out.resolve("runs").toString()).createOrReplaceTempView("task_runs");
        List<Row> rows = spark.sql("SELECT pattern_generator, n_vis, task_steps, task_active_fraction,"
                + " task_markov_order, task_pattern_hash, pattern_markov_order FROM task_runs"
                + " ORDER BY pattern_generator").collectAsList();
        assertEquals(2, rows.size());
        Pattern random = new PatternRecipe(PatternGenerator.RANDOM, 1, 13, 25, 1, 2, 4, 4, 5, "A A B C A B D", 7)
                .generate();
        for (Row r : rows) {
            Pattern p = r.getString(0).equals("none") ? Pattern.fuerElise() : random;
            assertEquals(p.neurons(), r.getInt(1));
            assertEquals(p.steps(), r.getInt(2));
            assertEquals(p.activeFraction(), r.getDouble(3), 0.0);
            assertEquals(p.markovOrder(), r.getInt(4));
            assertEquals(p.sha256(), r.getString(5));
            assertEquals(4, r.getInt(6));   // the requested order; Für Elise happens to have it too
        }
        assertEquals(34 / (13.0 * 25), rows.get(0).getDouble(3), 1e-12, "Für Elise: 34 notes in 25 steps");
    }
}
