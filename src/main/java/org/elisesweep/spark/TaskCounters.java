package org.elisesweep.spark;

import java.io.Serializable;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * Accumulators the tasks update once per simulation; Spark merges them on the driver before each
 * task-end event, which is what the progress bar and fail-fast read.
 *
 * @param done     simulations finished, whatever their status
 * @param failed   simulations with a status other than OK
 * @param failures failure messages (only while fail-fast is on, at most M per task)
 */
record TaskCounters(LongAccumulator done, LongAccumulator failed, CollectionAccumulator<String> failures)
        implements Serializable {
}
