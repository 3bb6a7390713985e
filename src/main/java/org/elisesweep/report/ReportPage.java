package org.elisesweep.report;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import java.util.Base64;
import java.util.List;

/**
 * The report's HTML: one self-contained page (figures embedded as data: URIs, styles inline), so
 * it can be mailed or archived as one file. Every text that goes in is escaped here.
 */
final class ReportPage {
    private static final String STYLE = """
            body { font-family: sans-serif; max-width: 1320px; margin: 2em auto; padding: 0 1em; color: #222; }
            h1 { font-size: 1.6em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: left; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            figure { margin: 1.5em 0; } img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { max-width: 1100px; color: #444; } .warning { color: #a33; }
            """;

    private final StringBuilder body = new StringBuilder();
    private final String title;

    ReportPage(String title) {
        this.title = title;
        body.append("<h1>").append(escapeHtml4(title)).append("</h1>\n");
    }

    ReportPage section(String heading) {
        body.append("<h2>").append(escapeHtml4(heading)).append("</h2>\n");
        return this;
    }

    ReportPage paragraph(String text) {
        body.append("<p>").append(escapeHtml4(text)).append("</p>\n");
        return this;
    }

    ReportPage warning(String text) {
        body.append("<p class=\"warning\">").append(escapeHtml4(text)).append("</p>\n");
        return this;
    }

    /** A table; cells that look like numbers are right-aligned. */
    ReportPage table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<tr>");
        header.forEach(h -> body.append("<th>").append(escapeHtml4(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            for (String cell : row) {
                boolean number = cell.matches("[-+]?[0-9.]+%?|–");
                body.append(number ? "<td class=\"num\">" : "<td>").append(escapeHtml4(cell)).append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** A table that stays folded until clicked (for long lists). */
    ReportPage foldedTable(String summary, List<String> header, List<List<String>> rows) {
        body.append("<details><summary>").append(escapeHtml4(summary)).append("</summary>\n");
        table(header, rows);
        body.append("</details>\n");
        return this;
    }

    /** A figure with its PNG embedded, its title as alt text and in the caption. */
    ReportPage figure(Figure f, byte[] png) {
        body.append("<figure id=\"").append(escapeHtml4(f.file().replace(".png", ""))).append("\">\n")
                .append("<img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\" alt=\"").append(escapeHtml4(f.title())).append("\">\n")
                .append("<figcaption><strong>").append(escapeHtml4(f.title())).append(".</strong> ")
                .append(escapeHtml4(f.caption())).append("</figcaption>\n</figure>\n");
        return this;
    }

    String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escapeHtml4(title)
                + "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }
}
