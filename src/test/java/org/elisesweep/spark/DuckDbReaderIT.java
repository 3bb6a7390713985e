package org.elisesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables read by an independent Parquet reader, DuckDB (npm {@code @duckdb/node-api}, installed
 * by this test under target/duckdb), exactly as the README shows: {@code read_parquet('runs/**',
 * hive_partitioning = true)} over the whole table directory, side files and all.
 */
class DuckDbReaderIT {
    private static final Path DUCKDB = Path.of("target", "duckdb");

    private final SparkSession spark = SharedSpark.get();

    private static void installDuckDb() throws Exception {
        if (Files.isDirectory(DUCKDB.resolve("node_modules/@duckdb/node-api"))) {
            return;
        }
        Files.createDirectories(DUCKDB);
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--silent", "@duckdb/node-api@1.5.6-r.1")
                    .directory(DUCKDB.toFile()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "npm is not installed here, so DuckDB cannot be: " + e.getMessage());
            return;
        }
        String out = new String(npm.getInputStream().readAllBytes());
        assertTrue(npm.waitFor(5, TimeUnit.MINUTES) && npm.exitValue() == 0, "npm install @duckdb/node-api: " + out);
    }

    private static JsonNode duckdb(String sql) throws Exception {
        Path script = DUCKDB.resolve("query.mjs");
        Files.copy(Path.of("src/test/resources/duckdb/query.mjs"), script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Process node = new ProcessBuilder("node", script.getFileName().toString(), sql).directory(DUCKDB.toFile())
                .redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes());
        assertTrue(node.waitFor(2, TimeUnit.MINUTES) && node.exitValue() == 0, "duckdb: " + out);
        return new ObjectMapper().readTree(out);
    }

    private static String describe(JsonNode rows) {
        List<String> out = new java.util.ArrayList<>();
        rows.forEach(r -> out.add(r.get("column_name").asText() + " " + r.get("column_type").asText()));
        return out.toString();
    }

    private static long runFiles(Path out) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(out.resolve("runs"))) {
            return files.filter(p -> p.toString().endsWith(".parquet")).count();
        }
    }

    @Test
    void duckDbReadsEveryTableDirectoryAsSparkDoes(@TempDir Path out) throws Exception {
        installDuckDb();
        SweepJob.run(spark, SweepJobTest.plan(SweepJobTest.SWEEP), new SweepJob.Options(out.toString(), false, false, 2));
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> crc = files.filter(p -> p.toString().endsWith(".crc")).toList();
            assertEquals(List.of(), crc, "no checksum side files next to the tables");
        }

        // runs: the same simulations, statuses and metrics, the sweep from the partition directory
        JsonNode runs = duckdb("SELECT sweep, point_id, replicate, status, final_mse FROM read_parquet('"
                + out.resolve("runs") + "/**', hive_partitioning = true) ORDER BY point_id, replicate");
        List<Row> expected = spark.read().parquet(out.resolve("runs").toString())
                .select("sweep", "point_id", "replicate", "status", "final_mse").orderBy("point_id", "replicate")
                .collectAsList();
        assertEquals(expected.size(), runs.size());
        for (int k = 0; k < expected.size(); k++) {
            Row e = expected.get(k);
            JsonNode a = runs.get(k);
            assertEquals(List.of(e.getString(0), e.getString(1), e.getInt(2), e.getString(3), e.getDouble(4)),
                    List.of(a.get("sweep").asText(), a.get("point_id").asText(), a.get("replicate").asInt(),
                            a.get("status").asText(), a.get("final_mse").asDouble()));
        }

        // format 2's column types as DuckDB sees them: instants, a list of scenario names, units in the footer
        String runsGlob = "read_parquet('" + out.resolve("runs") + "/**', hive_partitioning = true)";
        JsonNode types = duckdb("SELECT column_name, column_type FROM (DESCRIBE SELECT started_at, ended_at, "
                + "replay_scenarios, code_dirty FROM " + runsGlob + ") ORDER BY column_name");
        assertEquals("[code_dirty BOOLEAN, ended_at TIMESTAMP WITH TIME ZONE, replay_scenarios VARCHAR[], "
                + "started_at TIMESTAMP WITH TIME ZONE]", describe(types));
        JsonNode times = duckdb("SELECT point_id, replicate, epoch_us(started_at) AS us, "
                + "list_contains(replay_scenarios, 'tonic-window') AS tonic, len(replay_scenarios) AS n FROM "
                + runsGlob + " ORDER BY point_id, replicate");
        List<Row> sparkTimes = spark.read().parquet(out.resolve("runs").toString())
                .selectExpr("point_id", "replicate", "unix_micros(started_at)").orderBy("point_id", "replicate")
                .collectAsList();
        for (int k = 0; k < sparkTimes.size(); k++) {
            assertEquals(sparkTimes.get(k).getLong(2), Long.parseLong(times.get(k).get("us").asText()), "started_at " + k);
            assertTrue(times.get(k).get("tonic").asBoolean());
            assertEquals(4, times.get(k).get("n").asInt());
        }
        JsonNode footers = duckdb("SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata('"
                + out.resolve("runs") + "/*/*.parquet') WHERE decode(key) LIKE 'elise.%' OR decode(key) LIKE '%row.metadata'");
        assertEquals(2 * runFiles(out),
                footers.size(), "a format key and a schema with units in every runs file");
        for (JsonNode k : footers) {
            if (k.get("k").asText().equals("elise.table-format")) {
                assertEquals("2", k.get("v").asText());
            } else {
                JsonNode unit = new ObjectMapper().readTree(k.get("v").asText()).get("fields");
                String wall = "";
                for (JsonNode f : unit) {
                    if (f.get("name").asText().equals("wall_seconds")) {
                        wall = f.get("metadata").get("unit").asText();
                    }
                }
                assertEquals("s", wall);
            }
        }

        // every detail table: its row count and keys as Spark reads them
        for (String table : List.of("curves", "replay", "robustness")) {
            JsonNode keys = duckdb("SELECT DISTINCT point_id || '/' || replicate AS k FROM read_parquet('"
                    + out.resolve(table) + "/**', hive_partitioning = true)");
            TreeSet<String> duck = new TreeSet<>();
            keys.forEach(r -> duck.add(r.get("k").asText()));
            TreeSet<String> sparkKeys = new TreeSet<>(spark.read().parquet(out.resolve(table).toString())
                    .selectExpr("concat(point_id, '/', replicate)").distinct().as(org.apache.spark.sql.Encoders.STRING())
                    .collectAsList());
            assertEquals(sparkKeys, duck, table);
            JsonNode count = duckdb("SELECT count(*) AS n FROM read_parquet('" + out.resolve(table)
                    + "/**', hive_partitioning = true)");
            // DuckDB's JSON gives a BIGINT as text
            assertEquals(spark.read().parquet(out.resolve(table).toString()).count(),
                    Long.parseLong(count.get(0).get("n").asText()), table);
        }
    }
}
