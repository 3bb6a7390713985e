package org.elisesweep.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.elisesweep.report.FrontierValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code elise check-frontier}: a frontier sweep against a dense grid of the same simulations (jobs/validate-frontier.sh). */
@Command(name = "check-frontier", mixinStandardHelpOptions = true,
        description = "Compare a frontier sweep's x* with the crossing of a dense grid over the searched parameter "
                + "(where the fraction of replicates passing the criterion crosses 0.5, interpolated); print a table, "
                + "draw a figure; exit 0 when every configuration agrees within the precision and the frontier spent at "
                + "most a quarter of the grid's simulations, else 1.")
final class CheckFrontierCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DENSE_OUTPUT", description = "The dense grid sweep's output directory.")
    String dense;

    @Parameters(index = "1", paramLabel = "FRONTIER_OUTPUT", description = "The frontier sweep's output directory.")
    String frontier;

    @Option(names = "--precision", required = true, paramLabel = "X",
            description = "How far x* may lie from the grid's crossing (the frontier's precision).")
    double precision;

    @Option(names = "--passes-above", description = "The criterion holds above the frontier (default: below).")
    boolean passesAbove;

    @Option(names = "--figure", paramLabel = "PNG", description = "Where to draw the figure (default: none).")
    Path figure;

    @Override
    public Integer call() throws Exception {
        SparkCommands.requireSweepOutput(dense);
        SparkCommands.requireSweepOutput(frontier);
        return SparkCommands.embedded("elise check-frontier", Map.of(), spark -> {
            FrontierValidation v = FrontierValidation.of(spark, dense, frontier, precision, !passesAbove);
            System.out.print(v.table());
            if (figure != null) {
                v.figure(figure);
                System.out.println("figure: " + figure);
            }
            return v.passed() ? ExitStatus.OK : ExitStatus.STOPPED;
        });
    }
}
