package org.elisesweep.cli;

import org.elisesweep.model.Lockstep;
import org.elisesweep.model.ModelVersion;
import org.elisesweep.model.VectorModule;
import org.elisesweep.spark.CodeVersion;
import picocli.CommandLine;

/**
 * {@code elise --version}: the release, the commit and model version that every runs row records,
 * the Java that runs it, and whether the vector kernels run in this JVM (they decide the speed of
 * φ and of lock-step groups, not any result).
 */
final class VersionLines implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        CodeVersion code = CodeVersion.ofThisBuild();
        return new String[] {
            "elise-sweep 0.1.0, commit " + code.commit() + (code.dirty() ? " (uncommitted changes)" : "")
                    + ", model " + ModelVersion.ID,
            "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")",
            VectorModule.describe(),
            Lockstep.describeAuto()
        };
    }
}
