package org.elisesweep.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Zeppelin note as stored in a {@code .zpln} file (Zeppelin 0.9 and later): a JSON object with the
 * note's {@code name}, {@code id}, {@code defaultInterpreterGroup}, forms and {@code paragraphs}, each
 * paragraph a {@code text} whose first line names its interpreter ({@code %md}, {@code %spark.sql}),
 * a {@code title} and a {@code config} holding, under {@code results}, the chart settings of each of
 * its results.
 */
record ZeppelinNote(Path file, JsonNode json, List<Paragraph> paragraphs) {

    static ZeppelinNote read(Path file) throws IOException {
        JsonNode json = JsonMapper.builder().build().readTree(file.toFile());
        List<Paragraph> paragraphs = new ArrayList<>();
        for (JsonNode p : json.path("paragraphs")) {
            paragraphs.add(new Paragraph(paragraphs.size() + 1, p));
        }
        return new ZeppelinNote(file, json, List.copyOf(paragraphs));
    }

    /** One paragraph; {@code number} counts from 1 at the top of the note, as a reader would. */
    record Paragraph(int number, JsonNode json) {
        String id() {
            return json.path("id").asText("");
        }

        String title() {
            return json.path("title").asText("");
        }

        String text() {
            return json.path("text").asText("");
        }

        JsonNode config() {
            return json.path("config");
        }

        /** The interpreter the text's first word names, e.g. {@code %spark.sql}; "" if it names none. */
        String interpreter() {
            String text = text().stripLeading();
            return text.startsWith("%") ? text.split("\\s", 2)[0] : "";
        }

        /** The text after the interpreter's name. */
        String body() {
            String text = text().stripLeading();
            return text.substring(interpreter().length());
        }

        /** How a problem names the paragraph: its number and title. */
        String label() {
            return "paragraph " + number + (title().isBlank() ? "" : " \"" + title() + "\"");
        }
    }
}
