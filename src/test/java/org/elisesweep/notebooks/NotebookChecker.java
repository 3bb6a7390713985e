package org.elisesweep.notebooks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Checks the Zeppelin notes in {@code notebooks/} against a sweep's tables: their structure
 * ({@link NoteStructure}), then every {@code %spark.sql} paragraph run with the note parameter
 * {@code output} set to the sweep's output directory ({@link NoteExecution}). Each problem names the
 * note's file, the paragraph (number and title) and what went wrong, Spark's error included.
 *
 * @param spark the session whose context runs the queries; each note gets a new session of it, so
 *     that one note cannot lean on the views another one registered
 * @param output the sweep's output directory, holding the tables runs, curves, replay, robustness
 * @param projectDir where the sweep files the notes name ({@code conf/...}) are looked up
 */
record NotebookChecker(SparkSession spark, Path output, Path projectDir) {

    List<String> check(Path file) {
        ZeppelinNote note;
        try {
            note = ZeppelinNote.read(file);
        } catch (IOException e) {
            return List.of(file + ": not a readable JSON note: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>(NoteStructure.problems(note, projectDir));
        Map<String, String> noteParams = Map.of(NoteStructure.OUTPUT_FORM, output.toAbsolutePath().toString());
        problems.addAll(new NoteExecution(spark.newSession(), noteParams).problems(note));
        return problems.stream().map(problem -> file + ", " + problem).toList();
    }
}
