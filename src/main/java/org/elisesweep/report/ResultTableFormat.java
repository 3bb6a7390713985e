package org.elisesweep.report;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** Prints a (small) Spark SQL result as text: a markdown table or CSV, a header line first. */
public enum ResultTableFormat {
    /** A GitHub markdown table; NULL for null, {@code |} escaped. */
    MARKDOWN,
    /** RFC 4180 CSV; an empty field for null. */
    CSV;

    /** Collects {@code result} on the driver and prints it. */
    public void print(Dataset<Row> result, PrintStream out) {
        // Spark renders every value as text the way it would cast it (arrays as [a, b], doubles exactly)
        Column[] asText = Arrays.stream(result.columns())
                .map(c -> functions.col("`" + c.replace("`", "``") + "`").cast("string").as(c))
                .toArray(Column[]::new);
        List<Row> rows = result.select(asText).collectAsList();
        String[] header = result.columns();
        if (this == MARKDOWN) {
            out.println(markdownLine(header));
            out.println("|" + "---|".repeat(header.length));
            for (Row r : rows) {
                out.println(markdownLine(cells(r, "NULL")));
            }
        } else {
            out.println(csvLine(header));
            for (Row r : rows) {
                out.println(csvLine(cells(r, null)));
            }
        }
    }

    private static String[] cells(Row r, String nullText) {
        String[] cells = new String[r.length()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = r.isNullAt(i) ? nullText : r.getString(i);
        }
        return cells;
    }

    private static String markdownLine(String[] cells) {
        UnaryOperator<String> escape = s -> s.replace("|", "\\|").replace('\n', ' ');
        return "| " + String.join(" | ", Arrays.stream(cells).map(escape).toArray(String[]::new)) + " |";
    }

    private static String csvLine(String[] cells) {
        return String.join(",", Arrays.stream(cells)
                .map(s -> s == null ? "" : StringEscapeUtils.escapeCsv(s)).toArray(String[]::new));
    }
}
