package org.elisesweep.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.notebooks.NoteForms.Variant;
import org.elisesweep.notebooks.ZeppelinNote.Paragraph;
import org.elisesweep.notebooks.ZeppelinRest.Table;
import org.elisesweep.spark.FrontierJob;
import org.elisesweep.spark.SharedSpark;
import org.elisesweep.spark.SweepJob;
import org.elisesweep.spark.SweepSummary;
import org.elisesweep.sweep.FrontierFile;
import org.elisesweep.sweep.SweepFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

/**
 * Every note of {@code notebooks/} run by a real Apache Zeppelin 0.12.0 (its Spark 3.5 interpreter
 * reading the tables Spark 4.1 wrote), as a user runs it: imported with {@link ZeppelinImport} (what
 * {@code jobs/zeppelin.sh import} runs) with {@code output} set to a fixture sweep, then "Run all",
 * then each other option of a paragraph's drop-down. Every paragraph must finish, every SQL result
 * must have the columns its chart draws and as many rows as the same statement gives on this
 * project's embedded Spark, and at least two (the fixture varies each axis a note is about).
 *
 * <p>Needs the Zeppelin tools folder (scripts start-zeppelin.sh, stop-zeppelin.sh,
 * make-spark-home.sh): system property {@value #TOOLS_PROPERTY} or environment variable
 * {@value #TOOLS_ENV}, which {@code .ci/run} sets; skipped without it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZeppelinNotesIT {
    static final String TOOLS_PROPERTY = "elise.zeppelin.tools";
    static final String TOOLS_ENV = "ELISE_ZEPPELIN_TOOLS";
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path WORK = ROOT.resolve("target/zeppelin-it");
    /** Made once by make-spark-home.sh and kept across runs (its jars come from ~/.m2). */
    private static final Path SPARK_HOME = ROOT.resolve("target/zeppelin-spark-3.5");
    /** Result columns that take one value on a fixture run on one machine. */
    private static final Set<String> ONE_MACHINE_COLUMNS = Set.of("host");

    /** The quickstart's protocol, shortened: its fast learning rates learn Für Elise in ~200 cycles. */
    private static final String FIXTURE_BASE = """
            seed = 1
            execution { time-budget = 2m, task-seconds = 2 }
            base {
              training.cycles = 300
              replay.cycles = 6
              replay.scenarios = [silence-cycle, tonic-cycle]
              %s
            }
            """;
    private static final String FAST_RATES = "model.eta-vis = 1e-3, model.eta-lat = 3e-2";
    private static final String NETWORK = "model.n-lat = 30, " + FAST_RATES;
    /**
     * The fixture: one small sweep per note's subject, all into one output directory (the notes read
     * every sweep under it), each varying the parameters its note groups by; sweep name → its lines.
     */
    private static final Map<String, String> FIXTURE_SWEEPS = Map.of(
            "z-learning", base("model.n-lat = 30") + """
                    axes = [ { path = model.eta-vis, values = [1e-3, 2e-3] }
                      { zip = [ { path = model.eta-lat, values = [2e-2, 3e-2] },
                                { path = model.lambda, values = [0.6, 0.7] } ] } ]
                    """,
            "z-baselines", base(FAST_RATES) + """
                    axes = [ { path = model.n-lat, values = [20, 30] }
                      { path = model.mode, values = [elise, reservoir, soma-only] } ]
                    """,
            "z-scaffold", base(NETWORK) + """
                    axes = [ { path = model.scaffold.p, values = [0.2, 0.3] }
                      { path = model.scaffold.q, values = [0.15, 0.3] } ]
                    """,
            "z-sparse", base(NETWORK + ", model.connectivity = sparse") + """
                    axes = [ { path = model.density, values = [0.5, 1.0] }
                      { path = model.protect-scaffold, values = [false, true] } ]
                    """,
            // every noise level robustness.zpln charts takes two values, together (one zip axis)
            "z-noise", base(NETWORK) + """
                    axes = [ { zip = [ { path = noise.membrane.dendrite-sigma, values = [0.0, 2.0] }
                        { path = noise.teacher.sigma, values = [0.0, 1.0] }
                        { path = noise.teacher.jitter-ms, values = [0.0, 1.0] }
                        { path = noise.weights.sigma, values = [0.0, 0.1] }
                        { path = noise.weights.delete-fraction, values = [0.0, 0.2] } ] }
                      { path = noise.weights.kind, values = [additive, multiplicative] } ]
                    """,
            // sensitivity.zpln reads the sensitivity table of both methods
            "z-sobol", base(NETWORK) + sensitivity("sobol", 8),
            "z-morris", base(NETWORK) + sensitivity("morris", 3),
            // tasks.zpln: generated random patterns of two lengths and two Markov orders (its form's default is 2)
            "z-tasks", base(NETWORK + ", pattern.generator = random, pattern.neurons = 5, pattern.active-max = 1") + """
                    axes = [ { path = pattern.steps, values = [8, 12] }
                      { path = pattern.markov-order, values = [2, 3] } ]
                    """,
            // frontiers.zpln: a frontier of deleted synapses over two configuration axes (its forms' defaults)
            "z-frontier", base(FAST_RATES) + """
                    seeding = common
                    axes = [ { path = model.n-lat, values = [20, 30] }
                      { path = model.lambda, values = [0.6, 0.7] } ]
                    frontier { path = noise.weights.delete-fraction, from = 0, to = 1, passes = below,
                      criterion = "replay_mean_sumcorr_per_neuron >= 0.8", precision = 0.1, replicates = 1,
                      probes = 2, max-rounds = 2 }
                    """);

    private Path tools;
    private Path output;
    private ZeppelinRest zeppelin;
    /** Note file name → the id Zeppelin gave it on import. */
    private final Map<String, String> noteIds = new HashMap<>();

    /**
     * A sensitivity section over two parameters with {@code n} base samples (sobol) or trajectories
     * of 4 levels (morris).
     */
    private static String sensitivity(String method, int n) {
        return """
                sensitivity {
                  method = %s
                  %s
                  ranges = [ { path = model.lambda, from = 0.4, to = 0.8 }
                    { path = noise.membrane.dendrite-sigma, from = 0.0, to = 2.0 } ]
                  outputs = [replay_mean_sumcorr, final_sumcorr_per_neuron]
                  bootstrap = 200
                }
                """.formatted(method, method.equals("morris") ? "n = " + n + ", levels = 4" : "n = " + n);
    }

    /** The sweep file's common part, with {@code baseLines} added to its {@code base}. */
    private static String base(String baseLines) {
        return FIXTURE_BASE.formatted(baseLines);
    }

    @BeforeAll
    void startZeppelinWithTheNotesImported() throws Exception {
        tools = toolLocation();
        if (tools == null) {
            return; // the test says why it is skipped (an assumption here would abort silently in the reports)
        }
        for (String script : List.of("start-zeppelin.sh", "stop-zeppelin.sh", "make-spark-home.sh")) {
            assertTrue(Files.isExecutable(tools.resolve(script)), tools + " has no executable " + script);
        }
        deleteTree(WORK);
        output = fixture(WORK.resolve("fixture"));
        run(List.of(tools.resolve("make-spark-home.sh").toString(), SPARK_HOME.toString()), 900);
        int port = freePort();
        run(List.of(tools.resolve("start-zeppelin.sh").toString(), WORK.resolve("server").toString(),
                Integer.toString(port), SPARK_HOME.toString()), 180);
        zeppelin = new ZeppelinRest(URI.create("http://127.0.0.1:" + port));
        importNotes();
    }

    @AfterAll
    void stopZeppelin() throws Exception {
        if (tools != null && Files.isDirectory(WORK.resolve("server"))) {
            run(List.of(tools.resolve("stop-zeppelin.sh").toString(), WORK.resolve("server").toString()), 120);
        }
    }

    private static Path toolLocation() {
        String location = System.getProperty(TOOLS_PROPERTY, System.getenv(TOOLS_ENV));
        return location == null || location.isBlank() ? null : ROOT.resolve(location).normalize();
    }

    /** Runs the fixture sweeps into {@code out} on the embedded Spark; returns {@code out}. */
    private static Path fixture(Path out) throws Exception {
        Path files = Files.createDirectories(out.resolveSibling("sweeps"));
        for (Map.Entry<String, String> sweep : FIXTURE_SWEEPS.entrySet()) {
            Path file = files.resolve(sweep.getKey() + ".conf");
            Files.writeString(file, "name = " + sweep.getKey() + "\n" + sweep.getValue());
            SweepJob.Options options = new SweepJob.Options(out.toString(), false, false);
            if (FrontierFile.declaresFrontier(file)) {
                FrontierJob.run(SharedSpark.get(), FrontierFile.load(file), options);
                continue;
            }
            SweepSummary summary = SweepJob.run(SharedSpark.get(), SweepFile.load(file), options);
            assertTrue(summary.complete(), "fixture sweep " + sweep.getKey() + ": " + summary);
        }
        return out;
    }

    /** Imports the notes as {@code jobs/zeppelin.sh import} does and keeps the ids from the URLs it prints. */
    private void importNotes() throws IOException {
        StringWriter printed = new StringWriter();
        CommandLine command = new CommandLine(new ZeppelinImport()).setOut(new PrintWriter(printed, true));
        int status = command.execute(output.toString(), "--url", zeppelin.base().toString());
        assertEquals(0, status, printed.toString());
        Map<String, String> idByName = new HashMap<>();
        for (String line : printed.toString().lines().toList()) {
            int at = line.lastIndexOf(": ");
            String url = line.substring(at + 2);
            assertTrue(url.startsWith(zeppelin.base() + "/#/notebook/"), line);
            idByName.put(line.substring(0, at), url.substring(url.lastIndexOf('/') + 1));
        }
        for (Path file : ZeppelinImport.noteFiles(ROOT.resolve("notebooks"))) {
            String name = output.getFileName() + "/" + ZeppelinNote.read(file).json().path("name").asText();
            assertTrue(idByName.containsKey(name), "no URL printed for " + name + ": " + printed);
            noteIds.put(file.getFileName().toString(), idByName.get(name));
        }
    }

    @Test
    void everyParagraphOfEveryNoteRunsInZeppelin() throws IOException {
        assumeTrue(tools != null, "Zeppelin is not available: set " + TOOLS_ENV + " (or -D" + TOOLS_PROPERTY
                + ") to the folder holding start-zeppelin.sh, stop-zeppelin.sh and make-spark-home.sh "
                + "(.ci/run passes ../shared/tools/zeppelin)");
        List<String> problems = new ArrayList<>();
        for (Path file : ZeppelinImport.noteFiles(ROOT.resolve("notebooks"))) {
            String name = file.getFileName().toString();
            problems(ZeppelinNote.read(file), noteIds.get(name)).forEach(problem -> problems.add(name + ", " + problem));
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n" + String.join("\n", problems));
    }

    /**
     * Runs the note in Zeppelin and, statement by statement, on a new session of the embedded Spark
     * (the reference for the rows); returns what differs from what the note promises.
     */
    private List<String> problems(ZeppelinNote note, String noteId) throws IOException {
        zeppelin.runAll(noteId);
        JsonNode ran = zeppelin.note(noteId).path("paragraphs");
        SparkSession reference = SharedSpark.get().newSession();
        Map<String, String> noteParams = Map.of(NoteStructure.OUTPUT_FORM, output.toString());
        List<String> problems = new ArrayList<>();
        for (Paragraph p : note.paragraphs()) {
            JsonNode result = ran.path(p.number() - 1);
            String status = result.path("status").asText();
            if (!status.equals("FINISHED")) {
                problems.add(p.label() + " after Run all: " + status + " "
                        + ZeppelinRest.text(result.path("results").path("msg")));
                continue;
            }
            if (!p.interpreter().equals("%spark.sql")) {
                continue;
            }
            for (Variant variant : NoteForms.paragraphVariants(NoteForms.expandNoteForms(p.body(), noteParams))) {
                String where = p.label() + (variant.values().isEmpty() ? "" : " with " + variant.label());
                List<Expected> expected = expected(reference, variant.text());
                JsonNode messages;
                if (variant.values().isEmpty()) {
                    messages = result.path("results").path("msg");
                } else {
                    JsonNode answer = zeppelin.runParagraph(noteId, p.id(), variant.values());
                    if (!answer.path("code").asText().equals("SUCCESS")) {
                        problems.add(where + ": " + answer.path("code").asText() + " " + ZeppelinRest.text(answer.path("msg")));
                        continue;
                    }
                    messages = answer.path("msg");
                }
                compare(where, p.config().path("results"), expected, ZeppelinRest.tables(messages), problems);
            }
        }
        return problems;
    }

    /** A statement that returns a table: its index in the paragraph and its rows as Zeppelin shows them. */
    private record Expected(int statement, int rows) {
    }

    private static List<Expected> expected(SparkSession spark, String text) {
        List<String> statements = SqlStatements.split(text);
        List<Expected> expected = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Dataset<Row> result = spark.sql(statements.get(i));
            if (!result.schema().isEmpty()) {
                expected.add(new Expected(i, result.takeAsList(NoteExecution.SHOWN_ROWS).size()));
            }
        }
        return expected;
    }

    private static void compare(String where, JsonNode charts, List<Expected> expected, List<Table> tables,
                                List<String> problems) {
        if (tables.size() != expected.size()) {
            problems.add(where + ": " + tables.size() + " table result(s), expected " + expected.size());
            return;
        }
        for (int k = 0; k < tables.size(); k++) {
            Table table = tables.get(k);
            JsonNode graph = charts.path(String.valueOf(expected.get(k).statement())).path("graph");
            for (String missing : ChartSettings.missingColumns(graph, table.columns())) {
                problems.add(where + ": the chart names " + missing + ", but Zeppelin's result has " + table.columns());
            }
            int rows = table.rows().size();
            if (rows != expected.get(k).rows()) {
                problems.add(where + ": " + rows + " rows in Zeppelin, " + expected.get(k).rows() + " on Spark "
                        + SharedSpark.get().version());
            }
            int atLeast = drawsOneMachineColumn(graph) ? 1 : 2;
            if (rows < atLeast) {
                problems.add(where + ": " + rows + " row(s); the fixture should give at least " + atLeast);
            }
        }
    }

    private static boolean drawsOneMachineColumn(JsonNode graph) {
        List<String> keys = new ArrayList<>();
        graph.path("keys").forEach(k -> keys.add(k.path("name").asText()));
        return !keys.isEmpty() && ONE_MACHINE_COLUMNS.containsAll(keys);
    }

    private static void run(List<String> command, int timeoutSeconds) throws Exception {
        Path log = Files.createDirectories(WORK).resolve("commands.log");
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertTrue(done && p.exitValue() == 0, () -> command + (done ? " failed" : " timed out") + "; see " + log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
