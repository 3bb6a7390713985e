package org.elisesweep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.elisesweep.spark.NotASweepOutputException;
import org.elisesweep.spark.SweepTables;

/** The first check of every command that reads a sweep's output: is it one? Said before Spark starts. */
final class SweepOutputs {
    private SweepOutputs() {
    }

    /** The sweeps under {@code output}, or null after printing to {@code err} why it is not a sweep's output. */
    static List<String> sweepsIn(String output, PrintWriter err) throws IOException {
        try {
            return SweepTables.sweepsIn(output, new Configuration());
        } catch (NotASweepOutputException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return null;
        }
    }
}
