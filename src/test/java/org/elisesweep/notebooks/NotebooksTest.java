package org.elisesweep.notebooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.elisesweep.spark.AnalyticsTables;
import org.elisesweep.spark.SharedSpark;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Zeppelin note in {@code notebooks/} is well formed and each of its SQL paragraphs runs and
 * returns rows on the tables of a real (small) sweep, {@link AnalyticsTables} (the sensitivity
 * sweeps' tables for a note about the {@code sensitivity} table): a note that names a
 * column the tables do not have, or a chart that names a column its query does not return, fails
 * here, in {@code mvn test}, instead of in front of a user.
 */
class NotebooksTest {
    private static final Path NOTEBOOKS = Path.of("notebooks");

    @TestFactory
    Stream<DynamicTest> everyNoteIsWellFormedAndEverySqlParagraphReturnsRowsOnASweepsTables() throws IOException {
        List<Path> notes;
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            notes = files.filter(f -> f.toString().endsWith(".zpln")).sorted().toList();
        }
        assertFalse(notes.isEmpty(), "no Zeppelin notes (*.zpln) in " + NOTEBOOKS.toAbsolutePath());
        return notes.stream().map(note -> dynamicTest(note.getFileName().toString(), () -> {
            List<String> problems = new NotebookChecker(SharedSpark.get(), fixtureFor(note), Path.of("")).check(note);
            assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n" + String.join("\n", problems));
        }));
    }

    /**
     * The sensitivity sweeps' output for a note that reads the {@code sensitivity} table (only a
     * sensitivity sweep has one, and it has no axes for the other notes to group by), the frontier sweep's
     * for the note on frontiers, the tasks sweep's for the note on capacity, else the analytics sweep's.
     */
    private static Path fixtureFor(Path note) throws IOException {
        String text = Files.readString(note);
        if (text.contains("}/frontiers'")) {
            return AnalyticsTables.frontierOutput();   // frontiers.zpln: a frontier sweep over two configuration axes
        }
        if (text.contains("output=out/capacity}")) {
            return AnalyticsTables.tasksOutput();   // tasks.zpln: a capacity sweep (patterns of several lengths)
        }
        return text.contains("}/sensitivity'") ? AnalyticsTables.sensitivityOutput() : AnalyticsTables.output();
    }
}
