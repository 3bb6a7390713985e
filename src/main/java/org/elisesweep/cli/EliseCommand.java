package org.elisesweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code elise} command line: one subcommand per task, each a thin shell over a library call;
 * {@code sweep} when the first argument is a file. The application jar's Main-Class.
 */
@Command(name = "elise", mixinStandardHelpOptions = true, versionProvider = VersionLines.class,
        description = "ELiSe sequence-learning simulations and sweeps.",
        subcommands = {RunCommand.class, SweepCommand.class, ReportCommand.class, QueryCommand.class,
                VerifyCommand.class, SensitivityCommand.class, CheckFrontierCommand.class},
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
        // `elise FILE` is `elise sweep FILE`; then, before anything starts log4j, this command's log file
        String[] full = withDefaultSubcommand(new CommandLine(new EliseCommand()), args);
        Path log = LogFile.choose(full.length > 0 && !full[0].startsWith("-") ? full[0] : "elise");
        System.exit(commandLine(log).execute(full));
    }

    /** {@code elise FILE [options]} is {@code elise sweep FILE [options]}, as in {@code spark-submit app.jar conf/x.conf}. */
    static String[] withDefaultSubcommand(CommandLine commandLine, String[] args) {
        if (args.length == 0 || commandLine.getSubcommands().containsKey(args[0]) || !Files.isRegularFile(Path.of(args[0]))) {
            return args;
        }
        String[] sweep = new String[args.length + 1];
        sweep[0] = "sweep";
        System.arraycopy(args, 0, sweep, 1, args.length);
        return sweep;
    }
}
