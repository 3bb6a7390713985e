package org.elisesweep.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {
    @Test
    void splitsAtSemicolonsAndDropsEmptyPieces() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), SqlStatements.split("SELECT 1;\n\n SELECT 2;\n;"));
    }

    @Test
    void keepsSemicolonsInsideStringsAndQuotedIdentifiers() {
        String first = "SELECT 'a;b', \"c;d\", `e;f` FROM t";
        assertEquals(List.of(first, "SELECT 2"), SqlStatements.split(first + "; SELECT 2"));
    }

    @Test
    void anEscapedOrDoubledQuoteDoesNotEndTheString() {
        assertEquals(List.of("SELECT 'it\\'s; x'", "SELECT 'it''s; y'", "SELECT `a``;b`"),
                SqlStatements.split("SELECT 'it\\'s; x'; SELECT 'it''s; y'; SELECT `a``;b`"));
    }

    @Test
    void semicolonsInCommentsDoNotSplitAndACommentAloneIsNoStatement() {
        assertEquals(List.of("-- first; still a comment\nSELECT 1", "/* a; b */ SELECT 2"),
                SqlStatements.split("-- first; still a comment\nSELECT 1; /* a; b */ SELECT 2; -- the end; really"));
    }

    @Test
    void anUnterminatedStringRunsToTheEndForSparkToReport() {
        assertEquals(List.of("SELECT 'open; SELECT 2"), SqlStatements.split("SELECT 'open; SELECT 2"));
    }
}
