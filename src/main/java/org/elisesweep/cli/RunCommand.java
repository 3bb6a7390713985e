package org.elisesweep.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.hadoop.conf.Configuration;
import org.elisesweep.model.ScenarioResult;
import org.elisesweep.model.Simulation;
import org.elisesweep.model.SimulationResult;
import org.elisesweep.model.SimulationSpec;
import org.elisesweep.model.Status;
import org.elisesweep.report.LearningCurvePlot;
import org.elisesweep.report.ReplayRasterPlot;
import org.elisesweep.report.RunMetricsJson;
import org.elisesweep.spark.CommittedRun;
import org.elisesweep.sweep.SimulationConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code elise run}: one simulation, with a progress bar, written to metrics.json, pattern.txt, learning.png, replay.png. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one ELiSe simulation (train, replay, disturb) and write metrics.json, learning.png "
                + "and replay.png to the output directory.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override one parameter, e.g. --set training.cycles=3000 --set model.n-lat=30 "
                    + "(repeatable; paths as in docs/parameters.md).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE",
            description = "A HOCON file of parameter overrides, applied before any --set.")
    Path configFile;

    @Option(names = "--seed", description = "The simulation's seed (same as --set seed=N).")
    Long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path out;

    @Option(names = "--no-progress", description = "Do not draw a progress bar.")
    boolean noProgress;

    @Option(names = "--from", paramLabel = "OUTPUT_DIR", description = "Rerun one committed simulation of this sweep "
            + "output (its parameters and seed, from its runs row; with --point and --replicate) and check that it "
            + "reproduces the row's figures exactly (exit status 1 when not).")
    String from;

    @Option(names = "--point", paramLabel = "ID", description = "With --from: the simulation's point_id.")
    String point;

    @Option(names = "--replicate", paramLabel = "K", defaultValue = "0",
            description = "With --from: the simulation's replicate (default: ${DEFAULT-VALUE}).")
    int replicate;

    @Option(names = "--sweep", paramLabel = "NAME", description = "With --from: the sweep, when the output holds several.")
    String sweep;

    @Override
    public Integer call() throws Exception {
        // 1. parameters: defaults ← --config ← --set ← --seed, or a committed row's; all validated first
        CommittedRun committed = from == null ? null : committedRun();
        SimulationSpec spec = committed != null ? committed.spec()
                : SimulationConfig.parse(overrides(), describeSource());
        Files.createDirectories(out);

        // 2. simulate, drawing progress in cycles
        SimulationResult result;
        try (ProgressBar bar = progressBar(spec)) {
            result = Simulation.run(spec, (phase, done, total) -> {
                if (bar != null) {
                    bar.stepTo(done);
                    bar.setExtraMessage(" " + phase);   // the bar glues it to the speed otherwise
                }
            });
        }

        // 3. write the summary and the plots
        RunMetricsJson.write(out.resolve("metrics.json"), spec, result);
        Files.writeString(out.resolve("pattern.txt"), spec.pattern().toText());
        var curve = result.curve();
        if (curve.points() > 0) {
            LearningCurvePlot.write(out.resolve("learning.png"), curve.cycles(), curve.mse(), curve.sumCorr(),
                    spec.pattern().neurons());
        }
        ReplayRasterPlot.write(out.resolve("replay.png"), spec, result);
        printSummary(spec, result);
        if (committed != null && !reproduces(committed, spec, result)) {
            return ExitStatus.STOPPED;
        }
        return result.status() == Status.OK || committed != null ? ExitStatus.OK : ExitStatus.STOPPED;
    }

    private CommittedRun committedRun() throws Exception {
        if (point == null) {
            throw new UsageException("--from needs --point ID (and --replicate K): the simulation to rerun");
        }
        if (!overrides.isEmpty() || configFile != null || seed != null) {
            throw new UsageException("--from reruns a committed simulation as it was: no --set, --config or --seed");
        }
        return CommittedRun.find(new Configuration(), from, sweep, point, replicate);
    }

    /** Prints whether the rerun gave the committed row's figures bit for bit. */
    private boolean reproduces(CommittedRun committed, SimulationSpec spec, SimulationResult result) {
        List<String> differences = committed.differences(result, spec.pattern());
        String which = "sweep " + committed.sweep() + ", point " + point + ", replicate " + replicate;
        if (differences.isEmpty()) {
            System.out.println("reproduced: all " + CommittedRun.figures() + " figures of the committed row (" + which
                    + ") are identical");
            return true;
        }
        System.out.println("NOT reproduced (" + which + "): " + differences.size() + " of " + CommittedRun.figures()
                + " figures differ");
        differences.forEach(d -> System.out.println("  " + d));
        return false;
    }

    private Config overrides() {
        Config config = ConfigFactory.empty();
        if (seed != null) {
            config = ConfigFactory.parseMap(Map.of("seed", seed));
        }
        for (int k = overrides.size() - 1; k >= 0; k--) {
            String kv = overrides.get(k);
            try {
                config = config.withFallback(ConfigFactory.parseString(kv,
                        ConfigParseOptions.defaults().setOriginDescription("--set " + kv)));
            } catch (ConfigException e) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--set " + kv + ": not PATH=VALUE (" + e.getMessage() + ")");
            }
        }
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--config " + configFile + ": no such file");
            }
            try {
                config = config.withFallback(ConfigFactory.parseFile(configFile.toFile()));
            } catch (ConfigException e) {
                throw new UsageException("--config " + e.getMessage() + " (a HOCON file of parameter overrides)", e);
            }
        }
        return config;
    }

    private String describeSource() {
        return configFile != null ? configFile.toString() : "parameters";
    }

    private ProgressBar progressBar(SimulationSpec spec) {
        if (noProgress) {
            return null;
        }
        long cycles = spec.plannedCycles();
        return new ProgressBarBuilder().setTaskName("simulating").setInitialMax(cycles).setUnit(" cycles", 1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).showSpeed()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
    }

    private void printSummary(SimulationSpec spec, SimulationResult r) {
        int nVis = spec.pattern().neurons();
        System.out.printf("status %s%s%n", r.status(), r.message().isEmpty() ? "" : ": " + r.message());
        System.out.printf("%d steps in %.1f s (%.3f µs/step)%n", r.steps(), r.wallSeconds(), r.microsPerStep());
        System.out.printf("final free run: Σcorr %.3f of %d, MSE %.5f; learned at cycle %s%n",
                r.curve().finalSumCorr(), nVis, r.curve().finalMse(),
                r.curve().learnedAtCycle(nVis) < 0 ? "never" : r.curve().learnedAtCycle(nVis));
        for (ScenarioResult s : r.scenarios()) {
            if (s.scores() == null) {
                System.out.printf("  replay %-16s %s%n", s.name(), s.status());
                continue;
            }
            System.out.printf("  replay %-16s Σcorr mean %.3f min %.3f, MSE %.5f, drift %.2f ms/cycle%s%n", s.name(),
                    s.scores().meanSumCorr(), s.scores().minSumCorr(), s.scores().meanMse(),
                    s.scores().driftMsPerCycle(), s.robustness() == null ? ""
                            : s.robustness().recovered() ? ", recovered after " + s.robustness().recoveryCycles() + " cycle(s)"
                            : ", not recovered");
        }
        System.out.println("wrote " + out.resolve("metrics.json") + ", pattern.txt, learning.png, replay.png");
    }
}
