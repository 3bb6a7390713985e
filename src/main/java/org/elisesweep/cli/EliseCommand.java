package org.elisesweep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code elise} command line: one subcommand per task, each a thin shell over a library call. */
@Command(name = "elise", mixinStandardHelpOptions = true, version = "elise-sweep 0.1.0",
        description = "ELiSe sequence-learning simulations and sweeps.",
        subcommands = {RunCommand.class, SweepCommand.class, ReportCommand.class, QueryCommand.class,
                VerifyCommand.class})
public final class EliseCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EliseCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
