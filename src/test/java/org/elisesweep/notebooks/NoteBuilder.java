package org.elisesweep.notebooks;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Test-made Zeppelin notes: a well-formed one (an introduction naming a sweep file and the
 * {@code output} parameter, then a paragraph registering the four tables) to which a test adds the
 * paragraph under test, or breaks on purpose.
 */
final class NoteBuilder {
    private final ObjectNode note = JsonNodeFactory.instance.objectNode();
    private final ArrayNode paragraphs = note.putArray("paragraphs");

    private NoteBuilder() {
        note.put("name", "test note").put("id", "2TESTNOTE").put("defaultInterpreterGroup", "spark")
                .put("version", "0.11.2");
        note.putObject("noteParams");
        note.putObject("noteForms");
        note.putObject("config");
        note.putObject("info");
    }

    static NoteBuilder wellFormed() {
        StringBuilder views = new StringBuilder();
        for (String table : new String[] {"runs", "curves", "replay", "robustness"}) {
            views.append("CREATE OR REPLACE TEMPORARY VIEW ").append(table)
                    .append(" USING parquet OPTIONS (path '$${output=out/quickstart}/").append(table).append("');\n");
        }
        return new NoteBuilder()
                .paragraph("About", "%md\nData from `conf/quickstart.conf`; set the note parameter `output`.")
                .paragraph("Register the result tables", "%spark.sql\n" + views);
    }

    /** Adds a paragraph with an id and a config; returns it so that a test can add or break fields. */
    ObjectNode add(String title, String text) {
        ObjectNode p = paragraphs.addObject();
        p.put("title", title).put("text", text).put("id", "paragraph_" + paragraphs.size());
        p.putObject("config").putObject("results");
        return p;
    }

    NoteBuilder paragraph(String title, String text) {
        add(title, text);
        return this;
    }

    /** Adds a {@code %spark.sql} paragraph whose first result is drawn as a line chart of two columns. */
    NoteBuilder lineChart(String title, String sql, String key, int keyIndex, String value, int valueIndex) {
        ObjectNode results = (ObjectNode) add(title, "%spark.sql\n" + sql).get("config").get("results");
        ObjectNode graph = results.putObject("0").putObject("graph").put("mode", "lineChart");
        graph.putArray("keys").addObject().put("name", key).put("index", keyIndex).put("aggr", "sum");
        graph.putArray("values").addObject().put("name", value).put("index", valueIndex).put("aggr", "avg");
        graph.putArray("groups");
        return this;
    }

    ArrayNode paragraphs() {
        return paragraphs;
    }

    Path writeTo(Path dir, String fileName) throws IOException {
        Path file = dir.resolve(fileName);
        JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), note);
        return file;
    }
}
