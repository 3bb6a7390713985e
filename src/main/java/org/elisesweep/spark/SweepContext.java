package org.elisesweep.spark;

import java.io.Serializable;
import java.util.Map;

/**
 * What every task needs to know besides its batch, shipped once with the task closure.
 *
 * @param sweep        sweep name (the partition value of every table)
 * @param outputRoot   the sweep's output directory as a Hadoop URI (file:, hdfs:, s3a:, …)
 * @param configHash   hash of the sweep file, for provenance
 * @param code         the commit this code was built from, for provenance
 * @param sparkVersion Spark version of the driver, for provenance
 * @param budgetNanos  wall-time budget of one simulation (≤ 0: none)
 * @param failFast     M of fail-fast (0: off): tasks report failure messages only when it is on
 * @param hadoopConf   the driver's Hadoop settings, so executors reach the same file system
 * @param storeNetworks write every trained network to the {@code networks} table
 * @param lockstep     lock-step width B of the executors (1 = off; {@code Execution.LOCKSTEP_AUTO}: by shape)
 */
record SweepContext(String sweep, String outputRoot, String configHash, CodeVersion code, String sparkVersion,
                    long budgetNanos, int failFast, Map<String, String> hadoopConf, boolean storeNetworks,
                    int lockstep)
        implements Serializable {
}
