package org.elisesweep.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The arguments of every command that reads a sweep's output (report, verify, sensitivity): stated once. */
final class SweepOutputArgs {
    @Parameters(index = "0", paramLabel = "OUTPUT_DIR",
            description = "A sweep's output directory (the --out of `elise sweep`, e.g. out/quickstart), or a Hadoop URI.")
    String output;

    @Option(names = "--sweep", paramLabel = "NAME",
            description = "The sweep to use when OUTPUT_DIR holds several (default: the only one; verify: every one).")
    String sweep;
}
