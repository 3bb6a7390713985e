package org.elisesweep.notebooks;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Spark SQL script into statements at the semicolons that stand outside string literals,
 * back-quoted identifiers and comments, as Zeppelin's {@code %spark.sql} interpreter does before it
 * runs the statements one by one. Comments stay in their statement (Spark's parser skips them); a
 * piece holding nothing but blanks and comments is no statement.
 */
final class SqlStatements {
    private SqlStatements() {
    }

    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasCode = false;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int end;
            if (c == '\'' || c == '"' || c == '`') {
                end = endOfQuoted(script, i);
                hasCode = true;
            } else if (script.startsWith("--", i)) {
                end = endOfLine(script, i);
            } else if (script.startsWith("/*", i)) {
                int close = script.indexOf("*/", i + 2);
                end = close < 0 ? script.length() : close + 2;
            } else if (c == ';') {
                if (hasCode) {
                    statements.add(current.toString().strip());
                }
                current.setLength(0);
                hasCode = false;
                i++;
                continue;
            } else {
                end = i + 1;
                hasCode |= !Character.isWhitespace(c);
            }
            current.append(script, i, end);
            i = end;
        }
        if (hasCode) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /**
     * The index after the quote that closes the one at {@code start}. A backslash escapes the next
     * character in string literals (Spark's default); a doubled quote needs no rule of its own, as
     * it closes one quoted piece and opens the next. Unterminated: the end of the script, so that
     * Spark's parser reports it.
     */
    private static int endOfQuoted(String script, int start) {
        char quote = script.charAt(start);
        int i = start + 1;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return script.length();
    }

    private static int endOfLine(String script, int start) {
        int newline = script.indexOf('\n', start);
        return newline < 0 ? script.length() : newline;
    }
}
