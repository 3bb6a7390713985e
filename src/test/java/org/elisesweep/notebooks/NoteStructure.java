package org.elisesweep.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.elisesweep.notebooks.ZeppelinNote.Paragraph;

/**
 * What a note in {@code notebooks/} must look like without running it: Zeppelin's note format
 * with the fields Zeppelin 0.10+ reads, outputs stripped (a committed output is stale the moment a
 * sweep changes), a first {@code %md} paragraph that says which sweep file produces the data and how
 * to set the {@code output} note parameter, only {@code %md} and {@code %spark.sql} paragraphs (the
 * ones the test can run), and chart settings Zeppelin can draw.
 */
final class NoteStructure {
    static final String OUTPUT_FORM = "output";
    private static final Set<String> INTERPRETERS = Set.of("%md", "%spark.sql");
    /** Fields Zeppelin writes when a paragraph runs. */
    private static final List<String> RUN_FIELDS = List.of("results", "dateStarted", "dateFinished", "errorMessage");
    private static final Pattern SWEEP_FILE = Pattern.compile("conf/[\\w./-]+\\.conf");

    private NoteStructure() {
    }

    /** The problems of a note, each naming the part of the note it is about; none for a good note. */
    static List<String> problems(ZeppelinNote note, Path projectDir) {
        List<String> problems = new ArrayList<>();
        noteFields(note.json(), problems);
        if (note.paragraphs().isEmpty()) {
            problems.add("no paragraphs");
            return problems;
        }
        introduction(note.paragraphs().get(0), problems);
        Set<String> ids = new HashSet<>();
        boolean usesOutput = false;
        for (Paragraph p : note.paragraphs()) {
            paragraph(p, ids, projectDir, problems);
            usesOutput |= p.interpreter().equals("%spark.sql")
                    && NoteForms.noteFormNames(p.body()).contains(OUTPUT_FORM);
        }
        if (!usesOutput) {
            problems.add("no %spark.sql paragraph reads the tables from the note form $${" + OUTPUT_FORM + "=...}");
        }
        return problems;
    }

    private static void noteFields(JsonNode json, List<String> problems) {
        for (String field : List.of("name", "id", "version")) {
            if (json.path(field).asText("").isBlank()) {
                problems.add("note field '" + field + "' is missing or blank");
            }
        }
        if (!json.path("defaultInterpreterGroup").asText("").equals("spark")) {
            problems.add("note field 'defaultInterpreterGroup' is not \"spark\"");
        }
        for (String field : List.of("noteParams", "noteForms", "config", "info")) {
            if (!json.path(field).isObject()) {
                problems.add("note field '" + field + "' is missing or not an object");
            }
        }
        if (!json.path("paragraphs").isArray()) {
            problems.add("note field 'paragraphs' is missing or not an array");
        }
    }

    private static void introduction(Paragraph first, List<String> problems) {
        if (!first.interpreter().equals("%md")) {
            problems.add(first.label() + ": the first paragraph must be %md saying what the note answers");
            return;
        }
        if (!SWEEP_FILE.matcher(first.body()).find()) {
            problems.add(first.label() + ": names no sweep file (conf/....conf) that produces the note's data");
        }
        if (!first.body().contains("`" + OUTPUT_FORM + "`")) {
            problems.add(first.label() + ": does not say how to set the note parameter `" + OUTPUT_FORM + "`");
        }
    }

    private static void paragraph(Paragraph p, Set<String> ids, Path projectDir, List<String> problems) {
        if (p.id().isBlank()) {
            problems.add(p.label() + ": no id");
        } else if (!ids.add(p.id())) {
            problems.add(p.label() + ": id " + p.id() + " is not unique");
        }
        if (!p.config().isObject()) {
            problems.add(p.label() + ": no config object");
        }
        if (!INTERPRETERS.contains(p.interpreter())) {
            problems.add(p.label() + ": interpreter '" + p.interpreter() + "' is not one of " + INTERPRETERS
                    + " (the text must start with it)");
        }
        for (String field : RUN_FIELDS) {
            if (p.json().has(field)) {
                problems.add(p.label() + ": holds output '" + field + "'; strip it before committing");
            }
        }
        String status = p.json().path("status").asText("READY");
        if (!status.equals("READY")) {
            problems.add(p.label() + ": status " + status + " is output; strip it or set READY");
        }
        if (p.interpreter().equals("%md")) {
            markdown(p, projectDir, problems);
        }
        for (Map.Entry<String, JsonNode> result : p.config().path("results").properties()) {
            ChartSettings.problem(result.getValue().path("graph"))
                    .ifPresent(problem -> problems.add(p.label() + ", result " + result.getKey() + ": " + problem));
        }
    }

    private static void markdown(Paragraph p, Path projectDir, List<String> problems) {
        if (p.body().contains("${")) {
            problems.add(p.label() + ": %md text holds '${', which Zeppelin would turn into a form");
        }
        Matcher m = SWEEP_FILE.matcher(p.body());
        while (m.find()) {
            if (!Files.isRegularFile(projectDir.resolve(m.group()))) {
                problems.add(p.label() + ": names " + m.group() + ", which does not exist");
            }
        }
    }
}
