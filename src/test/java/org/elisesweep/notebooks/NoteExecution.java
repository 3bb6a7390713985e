package org.elisesweep.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.notebooks.NoteForms.Variant;
import org.elisesweep.notebooks.ZeppelinNote.Paragraph;

/**
 * Runs a note's {@code %spark.sql} paragraphs from top to bottom the way Zeppelin's "Run all" does:
 * note forms set to the given parameters, paragraph forms to each of their values in turn, the
 * statements one by one. A statement that fails, or a query that returns no rows (a chart with
 * nothing to show), is a problem; so are chart settings that name a column the query does not
 * return.
 */
final class NoteExecution {
    /** Zeppelin shows a result's first 1000 rows ({@code zeppelin.spark.maxResult}); fetching them runs the query. */
    static final int SHOWN_ROWS = 1000;

    private final SparkSession spark;
    private final Map<String, String> noteParams;

    /**
     * @param spark a session of its own, since the note creates temporary views in it
     * @param noteParams the values of the note forms, e.g. {@code output} → the sweep's output directory
     */
    NoteExecution(SparkSession spark, Map<String, String> noteParams) {
        this.spark = spark;
        this.noteParams = noteParams;
    }

    List<String> problems(ZeppelinNote note) {
        List<String> problems = new ArrayList<>();
        for (Paragraph p : note.paragraphs()) {
            if (!p.interpreter().equals("%spark.sql")) {
                continue;
            }
            List<Variant> variants;
            try {
                variants = NoteForms.paragraphVariants(NoteForms.expandNoteForms(p.body(), noteParams));
            } catch (IllegalArgumentException e) {
                problems.add(p.label() + ": " + e.getMessage());
                continue;
            }
            for (Variant variant : variants) {
                run(p, variant, problems);
            }
        }
        return problems;
    }

    private void run(Paragraph p, Variant variant, List<String> problems) {
        String where = p.label() + (variant.label().isEmpty() ? "" : " with " + variant.label());
        List<String> statements = SqlStatements.split(variant.text());
        if (statements.isEmpty()) {
            problems.add(where + ": no SQL statement");
        }
        JsonNode results = p.config().path("results");
        for (int i = 0; i < statements.size(); i++) {
            String at = statements.size() == 1 ? where : where + ", statement " + (i + 1);
            // Zeppelin numbers a paragraph's results, hence their chart settings, by statement
            runStatement(statements.get(i), results.path(String.valueOf(i)).path("graph"), at, problems);
        }
        for (String index : (Iterable<String>) results::fieldNames) {
            if (!index.matches("\\d+") || Integer.parseInt(index) >= statements.size()) {
                problems.add(where + ": chart settings for result " + index + ", but the paragraph has "
                        + statements.size() + " statement(s)");
            }
        }
    }

    private void runStatement(String sql, JsonNode graph, String at, List<String> problems) {
        try {
            Dataset<Row> result = spark.sql(sql);
            if (result.schema().isEmpty()) {
                // a command such as CREATE VIEW: nothing to show, nothing to chart
                if (!graph.isMissingNode()) {
                    problems.add(at + ": chart settings for a statement that returns no table");
                }
                return;
            }
            if (result.takeAsList(SHOWN_ROWS).isEmpty()) {
                problems.add(at + ": the query returned no rows");
            }
            for (String missing : ChartSettings.missingColumns(graph, List.of(result.schema().fieldNames()))) {
                problems.add(at + ": the chart names " + missing + ", but the query returns "
                        + List.of(result.schema().fieldNames()));
            }
        } catch (Exception e) {
            // an analysis error without its logical plan, which buries the cause under column lists
            String message = e instanceof AnalysisException a ? a.getSimpleMessage() : e.getMessage();
            problems.add(at + ": Spark failed: " + message);
        }
    }
}
