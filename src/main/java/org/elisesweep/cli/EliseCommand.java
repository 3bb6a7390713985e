package org.elisesweep.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code elise} command line: one subcommand per task, each a thin shell over a library call. */
@Command(name = "elise", mixinStandardHelpOptions = true, version = "elise-sweep 0.1.0",
        description = "ELiSe sequence-learning simulations and sweeps.",
        subcommands = {RunCommand.class, SweepCommand.class, ReportCommand.class, QueryCommand.class,
                VerifyCommand.class, SensitivityCommand.class},
        footer = {"", "Exit status: 0 done, 1 stopped early or a simulation failed, 2 invalid input or refused, "
                + "3 infrastructure failure (the line names the log file), 4 verify found problems, 130 interrupted."})
public final class EliseCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line with its failure handling: one line per failure, traces to {@code log}. */
    static CommandLine commandLine(Path log) {
        Failures failures = new Failures(log);
        return new CommandLine(new EliseCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(failures).setParameterExceptionHandler(failures);
    }

    public static void main(String[] args) {
        // before anything starts log4j: Spark's log goes to this command's log file
        Path log = LogFile.choose(args.length > 0 && !args[0].startsWith("-") ? args[0] : "elise");
        System.exit(commandLine(log).execute(args));
    }
}
