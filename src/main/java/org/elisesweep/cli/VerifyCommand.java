package org.elisesweep.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.elisesweep.spark.SweepTables;
import org.elisesweep.spark.TableVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code elise verify}: integrity of a sweep's tables, with repair and pruning of stale rows. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check every committed file of a sweep's tables (footer, schema, every row with its page "
                + "checksums), that no simulation is committed twice and that every simulation has the detail rows "
                + "its parameters imply. Prints one line per problem, then a summary. Exit status: 0 clean (or "
                + "repaired), 4 problems found, 2 not a sweep's output.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    SweepOutputArgs target;

    @Option(names = "--repair", description = "Move damaged or inconsistent files to OUTPUT_DIR/_quarantine/<UTC time>/ "
            + "and rewrite their batches without the affected simulations, which the next sweep run recomputes.")
    boolean repair;

    @Option(names = "--prune-stale", description = "Remove the simulations the current sweep file no longer plans "
            + "(their files go to quarantine too). --repair and --prune-stale take the sweep's lease: they refuse "
            + "(exit status 2) while a driver writes it.")
    boolean pruneStale;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> sweeps = SweepTables.sweepsIn(target.output, new Configuration());
        if (target.sweep != null && !sweeps.contains(target.sweep)) {
            throw new UsageException(target.output + " holds no results of sweep '" + target.sweep + "'; it holds "
                    + String.join(", ", sweeps));
        }
        int status = ExitStatus.OK;
        for (String name : target.sweep != null ? List.of(target.sweep) : sweeps) {
            TableVerifier.Result r = TableVerifier.verify(new Configuration(), target.output, name,
                    new TableVerifier.Options(repair, pruneStale));
            print(r, out);
            if (!r.clean() && !repair) {
                status = ExitStatus.PROBLEMS_FOUND;
            }
        }
        out.flush();
        return status;
    }

    private void print(TableVerifier.Result r, PrintWriter out) {
        r.problems().forEach(p -> out.println(p.line()));
        if (r.manifest() == null) {
            out.println("sweep " + r.sweep() + " has no manifest (written by sweep runs of this version): stale rows "
                    + "cannot be told" + (pruneStale ? "; nothing pruned" : ""));
        } else if (r.stale().simulations() > 0 && (r.repair() == null || r.repair().pruned() == 0)) {
            out.println(r.stale().describe(r.manifest().configHash(), target.output, r.sweep()));
        }
        long affected = r.problems().stream().flatMap(p -> p.simulations().stream()).distinct().count();
        out.println("sweep " + r.sweep() + " in " + target.output + ": " + r.files() + " files, " + r.simulations()
                + " simulations: " + (r.clean() ? "clean" : r.problems().size() + " problems affecting " + affected
                + " simulations" + (repair ? "" : "; `elise verify " + target.output + " --sweep " + r.sweep()
                + " --repair` sets them aside for recomputation")));
        TableVerifier.Repair done = r.repair();
        if (done != null && done.filesMoved() > 0) {
            out.println("repaired: moved " + done.filesMoved() + " files to " + done.quarantine()
                    + (done.pruned() > 0 ? ", pruned " + done.pruned() + " stale simulations" : "")
                    + (done.recompute() > 0 ? "; rerun the sweep to recompute " + done.recompute() + " simulations" : ""));
        }
    }
}
