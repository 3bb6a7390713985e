package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark SQL over a sweep's output directory, on the shared analytics sweep (16 simulations, 3 scenarios each). */
class TableQueryTest {
    private final SparkSession spark = SharedSpark.get();
    private final Path output = AnalyticsTables.output();

    @Test
    void everyTableIsAViewAndQueriesMatchTheParquetFiles() throws Exception {
        SparkSession session = spark.newSession();
        TableQuery.registerViews(session, output.toString());
        for (String view : TableQuery.VIEWS) {
            assertEquals(spark.read().parquet(output.resolve(view).toString()).count(),
                    session.table(view).count(), view);
        }

        List<Row> byLatent = TableQuery.run(spark, output.toString(),
                "SELECT sweep, model_n_lat, count(*) AS n FROM runs GROUP BY sweep, model_n_lat ORDER BY model_n_lat")
                .collectAsList();
        assertEquals(2, byLatent.size());
        assertEquals("analytics", byLatent.get(0).getString(0));
        assertEquals(30, byLatent.get(0).getInt(1));
        assertEquals(40, byLatent.get(1).getInt(1));
        assertEquals(8L, byLatent.get(0).getLong(2));
        assertEquals(8L, byLatent.get(1).getLong(2));

        // a join of a detail table with runs: 3 disturbance scenarios per simulation
        long direct = spark.read().parquet(output.resolve("robustness").toString()).count();
        assertEquals(16 * 3, direct);
        Row joined = TableQuery.run(spark, output.toString(), "SELECT count(*), count(DISTINCT b.scenario) "
                + "FROM robustness b JOIN runs r USING (sweep, point_id, replicate)").first();
        assertEquals(direct, joined.getLong(0));
        assertEquals(3L, joined.getLong(1));
    }

    @Test
    void theViewsDoNotLeakIntoTheCallersSession() throws Exception {
        TableQuery.run(spark, output.toString(), "SELECT count(*) FROM runs").first();
        assertFalse(spark.catalog().tableExists("runs"));
    }

    @Test
    void everySweepUnderTheDirectoryIsReadWithItsName(@TempDir Path dir) throws Exception {
        copyTree(output.resolve("runs/sweep=analytics"), dir.resolve("runs/sweep=analytics"));
        copyTree(output.resolve("runs/sweep=analytics"), dir.resolve("runs/sweep=other"));
        List<Row> bySweep = TableQuery.run(spark, dir.toString(),
                "SELECT sweep, count(*) FROM runs GROUP BY sweep ORDER BY sweep").collectAsList();
        assertEquals(2, bySweep.size());
        assertEquals("analytics", bySweep.get(0).getString(0));
        assertEquals("other", bySweep.get(1).getString(0));
        assertEquals(16L, bySweep.get(1).getLong(1));
        // no detail table committed: an empty view with the table's columns
        assertEquals(0L, TableQuery.run(spark, dir.toString(),
                "SELECT count(*) FROM robustness WHERE recovered AND sweep = 'other'").first().getLong(0));
    }

    @Test
    void aDirectoryWithoutARunsTableIsAClearError(@TempDir Path dir) throws Exception {
        // detail files without any committed runs file (a sweep killed before its first commit)
        copyTree(output.resolve("curves"), dir.resolve("curves"));
        Files.createDirectories(dir.resolve("runs/sweep=analytics"));
        NotASweepOutputException e = assertThrows(NotASweepOutputException.class,
                () -> TableQuery.run(spark, dir.toString(), "SELECT * FROM curves"));
        assertTrue(e.getMessage().startsWith(dir + " is not a sweep's output directory"), e.getMessage());
        assertThrows(NotASweepOutputException.class,
                () -> TableQuery.run(spark, dir.resolve("missing").toString(), "SELECT 1"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
