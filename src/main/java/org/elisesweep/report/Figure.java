package org.elisesweep.report;

/**
 * One figure of the report: its PNG under {@code figures/}, the title (also drawn in the chart)
 * and a caption saying what each mark is an average of.
 */
public record Figure(String file, String title, String caption) {
}
