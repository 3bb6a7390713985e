package org.elisesweep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code elise} command line: one subcommand per task, each a thin shell over a library call;
 * {@code sweep} when the first argument is a file. The application jar's Main-Class.
 */
@Command(name = "elise", mixinStandardHelpOptions = true, version = "elise-sweep 0.1.0",
        description = "ELiSe sequence-learning simulations and sweeps.",
        subcommands = {RunCommand.class, SweepCommand.class, ReportCommand.class, QueryCommand.class})
public final class EliseCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new EliseCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        System.exit(commandLine.execute(withDefaultSubcommand(commandLine, args)));
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
