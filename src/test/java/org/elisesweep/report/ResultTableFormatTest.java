package org.elisesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.elisesweep.spark.SharedSpark;
import org.junit.jupiter.api.Test;

class ResultTableFormatTest {
    private static final String SQL = "SELECT * FROM VALUES (1, 'a|b', CAST(NULL AS DOUBLE), array(1, 2)), "
            + "(2, 'say \"hi\", then go', 0.25D, array()) AS t(n, text, x, xs) ORDER BY n";

    private static String print(ResultTableFormat format, Dataset<Row> result) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        format.print(result, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void markdownEscapesPipesAndShowsNull() {
        assertEquals("""
                | n | text | x | xs |
                |---|---|---|---|
                | 1 | a\\|b | NULL | [1, 2] |
                | 2 | say "hi", then go | 0.25 | [] |
                """, print(ResultTableFormat.MARKDOWN, SharedSpark.get().sql(SQL)));
    }

    @Test
    void csvQuotesWhatNeedsQuotingAndLeavesNullEmpty() {
        assertEquals("""
                n,text,x,xs
                1,a|b,,"[1, 2]"
                2,"say ""hi"", then go",0.25,[]
                """, print(ResultTableFormat.CSV, SharedSpark.get().sql(SQL)));
    }

    @Test
    void anEmptyResultIsItsHeader() {
        assertEquals("a,b\n", print(ResultTableFormat.CSV, SharedSpark.get().sql("SELECT 1 AS a, 2 AS b WHERE false")));
    }
}
