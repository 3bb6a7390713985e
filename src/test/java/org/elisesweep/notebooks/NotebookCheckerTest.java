package org.elisesweep.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.elisesweep.spark.AnalyticsTables;
import org.elisesweep.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebook checker fails test-made notes that are broken in one way each, with a message naming
 * the file, the paragraph and the cause; the same note without the defect passes, so that each
 * failure is due to the defect alone.
 */
class NotebookCheckerTest {
    private static final String GOOD_QUERY = "SELECT model_n_lat, avg(replay_mean_sumcorr) AS quality FROM runs "
            + "GROUP BY model_n_lat ORDER BY model_n_lat";

    @TempDir
    Path dir;

    private List<String> check(NoteBuilder note) throws Exception {
        Path file = note.writeTo(dir, "test.zpln");
        return new NotebookChecker(SharedSpark.get(), AnalyticsTables.output(), Path.of("")).check(file);
    }

    private static void assertOneProblemMentioning(List<String> problems, String... parts) {
        assertEquals(1, problems.size(), () -> "expected one problem, got:\n" + String.join("\n", problems));
        for (String part : parts) {
            assertTrue(problems.get(0).contains(part), () -> "'" + part + "' is not in: " + problems.get(0));
        }
    }

    @Test
    void theWellFormedNoteWithAGoodQueryPasses() throws Exception {
        List<String> problems = check(NoteBuilder.wellFormed()
                .lineChart("Quality", GOOD_QUERY, "model_n_lat", 0, "quality", 1));
        assertEquals(List.of(), problems);
    }

    @Test
    void aQueryNamingAColumnTheTablesDoNotHaveFails() throws Exception {
        List<String> problems = check(NoteBuilder.wellFormed()
                .lineChart("Quality", GOOD_QUERY.replace("replay_mean_sumcorr", "replay_mean_sumcor"),
                        "model_n_lat", 0, "quality", 1));
        assertOneProblemMentioning(problems, "test.zpln", "paragraph 3 \"Quality\"", "Spark failed",
                "`replay_mean_sumcor`");
    }

    @Test
    void aQueryReturningNoRowsFails() throws Exception {
        List<String> problems = check(NoteBuilder.wellFormed().lineChart("Quality",
                GOOD_QUERY.replace("GROUP BY", "WHERE status = 'NO SUCH STATUS' GROUP BY"),
                "model_n_lat", 0, "quality", 1));
        assertOneProblemMentioning(problems, "test.zpln", "paragraph 3 \"Quality\"", "no rows");
    }

    @Test
    void aChartNamingAColumnTheQueryDoesNotReturnFails() throws Exception {
        List<String> problems = check(NoteBuilder.wellFormed()
                .lineChart("Quality", GOOD_QUERY, "model_n_lat", 0, "mean_quality", 1));
        assertOneProblemMentioning(problems, "paragraph 3 \"Quality\"", "values 'mean_quality' at index 1",
                "[model_n_lat, quality]");
    }

    @Test
    void everyOptionOfADropDownIsRun() throws Exception {
        List<String> problems = check(NoteBuilder.wellFormed().paragraph("By", "%spark.sql\n"
                + "SELECT ${by=model_n_lat,model_n_lat|model_mode|model_nlat} AS v, count(*) FROM runs GROUP BY v"));
        assertOneProblemMentioning(problems, "paragraph 3 \"By\" with by=model_nlat", "`model_nlat`");
    }

    @Test
    void theRegisteringParagraphFailsForAnOutputWithoutTables() throws Exception {
        Path file = NoteBuilder.wellFormed().lineChart("Quality", GOOD_QUERY, "model_n_lat", 0, "quality", 1)
                .writeTo(dir, "test.zpln");
        List<String> problems = new NotebookChecker(SharedSpark.get(), dir.resolve("no-sweep-here"), Path.of(""))
                .check(file);
        assertTrue(problems.get(0).contains("paragraph 2 \"Register the result tables\", statement 1: Spark failed"),
                () -> String.join("\n", problems));
        assertTrue(problems.get(0).contains("no-sweep-here/runs"), problems.get(0));
    }

    @Test
    void structuralDefectsAreEachReported() throws Exception {
        NoteBuilder note = NoteBuilder.wellFormed().lineChart("Quality", GOOD_QUERY, "model_n_lat", 0, "quality", 1);
        ObjectNode intro = (ObjectNode) note.paragraphs().get(0);
        intro.put("text", "%md\nData from `conf/no-such-sweep.conf`.");
        ObjectNode query = (ObjectNode) note.paragraphs().get(2);
        query.put("dateStarted", "2025-01-01 00:00:00").put("status", "FINISHED");
        query.putObject("results").put("code", "SUCCESS");
        query.remove("id");
        note.add("Scala", "%spark\nspark.sql(\"SELECT 1\").show()");
        note.add("Form in markdown", "%md\nThe output is ${output}.");

        String problems = String.join("\n", check(note));

        for (String expected : List.of(
                "paragraph 1 \"About\": names conf/no-such-sweep.conf, which does not exist",
                "paragraph 1 \"About\": does not say how to set the note parameter `output`",
                "paragraph 3 \"Quality\": no id",
                "paragraph 3 \"Quality\": holds output 'results'",
                "paragraph 3 \"Quality\": holds output 'dateStarted'",
                "paragraph 3 \"Quality\": status FINISHED is output",
                "paragraph 4 \"Scala\": interpreter '%spark' is not one of",
                "paragraph 5 \"Form in markdown\": %md text holds '${'")) {
            assertTrue(problems.contains(expected), () -> "'" + expected + "' is not in:\n" + problems);
        }
    }

    @Test
    void aNoteThatDoesNotStartWithMarkdownOrReadsNoOutputParameterFails() throws Exception {
        NoteBuilder note = NoteBuilder.wellFormed();
        note.paragraphs().remove(0);
        ObjectNode views = (ObjectNode) note.paragraphs().get(0);
        views.put("text", views.get("text").asText().replace("$${output=out/quickstart}",
                AnalyticsTables.output().toAbsolutePath().toString()));
        note.lineChart("Quality", GOOD_QUERY, "model_n_lat", 0, "quality", 1);

        String problems = String.join("\n", check(note));

        assertTrue(problems.contains("paragraph 1 \"Register the result tables\": the first paragraph must be %md"),
                problems);
        assertTrue(problems.contains("no %spark.sql paragraph reads the tables from the note form $${output=...}"),
                problems);
    }
}
