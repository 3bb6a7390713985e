package org.elisesweep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.elisesweep.spark.NotASweepOutputException;
import org.elisesweep.spark.SensitivityTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code elise sensitivity}: the sensitivity indices of a sensitivity sweep, printed and written as a table. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = "Compute the sensitivity indices of a sensitivity sweep (a sweep file with a sensitivity "
                + "section) from its runs table: Sobol S1 and ST or Morris mu* and sigma, with bootstrap intervals, "
                + "for every output of the section. Prints them and writes the sensitivity table "
                + "(OUTPUT_DIR/sensitivity/sweep=NAME/).")
final class SensitivityCommand implements Callable<Integer> {
    @Mixin
    SweepOutputArgs target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SparkCommands.requireSweepOutput(target.output);   // said before Spark takes its seconds to start
        return SparkCommands.embedded("elise-sweep sensitivity", Map.of(), spark -> print(spark, target.output, target.sweep, out));
    }

    /** Analyses, writes the table and prints it; failures go to {@link Failures}. */
    static int print(SparkSession spark, String output, String sweep, PrintWriter out)
            throws NotASweepOutputException, IOException {
        out.print(SensitivityTable.analyse(spark, output, sweep).render());
        out.flush();
        return ExitStatus.OK;
    }
}
