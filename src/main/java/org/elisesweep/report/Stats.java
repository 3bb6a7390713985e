package org.elisesweep.report;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.stddev_samp;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;

/**
 * Mean, sample standard deviation and count of one metric over a group of rows, as Spark SQL
 * aggregates them (nulls, i.e. runs without that metric, left out).
 */
record Stats(double mean, double sd, long n) {
    /** The three aggregate columns of {@code metric}, named metric_mean, metric_sd, metric_n. */
    static Column[] of(String metric) {
        return new Column[] {avg(col(metric)).as(metric + "_mean"), stddev_samp(col(metric)).as(metric + "_sd"),
            count(col(metric)).as(metric + "_n")};
    }

    /** Reads back the columns of {@link #of}; a single value has sd 0. */
    static Stats read(Row row, String metric) {
        Double mean = row.getAs(metric + "_mean");
        Double sd = row.getAs(metric + "_sd");
        long n = row.<Long>getAs(metric + "_n");
        return new Stats(mean == null ? Double.NaN : mean, sd == null || sd.isNaN() ? 0 : sd, n);
    }
}
