package org.elisesweep.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.elisesweep.spark.SharedSpark;
import org.junit.jupiter.api.Test;

/** Which replicate the best and the worst point are shown by: their extremes, so a bimodal point shows its bad mode. */
class BestAndWorstRunsTest {
    private static final StructType RUNS = new StructType()
            .add("point_id", DataTypes.StringType).add("replicate", DataTypes.IntegerType)
            .add("status", DataTypes.StringType).add("replay_mean_sumcorr", DataTypes.DoubleType);

    private static Dataset<Row> runs(Object[]... rows) {
        return SharedSpark.get().createDataFrame(java.util.Arrays.stream(rows).map(RowFactory::create).toList(), RUNS);
    }

    @Test
    void theWorstPointIsShownByItsWorstReplicateAndTheBestByItsBest() {
        Dataset<Row> runs = runs(
                // good: replicates 0.90 and 0.80 (mean 0.85)
                new Object[] {"good", 0, "OK", 0.90}, new Object[] {"good", 1, "OK", 0.80},
                // bimodal: one replicate learned (0.95), two did not (0.05, 0.10): mean 0.367, the worst point
                new Object[] {"bimodal", 0, "OK", 0.95}, new Object[] {"bimodal", 1, "OK", 0.05},
                new Object[] {"bimodal", 2, "OK", 0.10},
                // a failed replicate never counts, whatever its score
                new Object[] {"bimodal", 3, "DIVERGED", 0.0});
        List<BestAndWorstRuns.Pick> picks = new BestAndWorstRuns(runs, SweptAxes.none()).picks();

        assertEquals(2, picks.size());
        assertEquals(List.of("best", "good", 0), List.of(picks.get(0).rank(), picks.get(0).run().getString(0),
                picks.get(0).run().getInt(1)));
        assertEquals(0.85, picks.get(0).pointMean(), 1e-12);
        // the replicate closest to the mean (0.10, replicate 2) would flatter it; its worst is replicate 1
        assertEquals(List.of("worst", "bimodal", 1), List.of(picks.get(1).rank(), picks.get(1).run().getString(0),
                picks.get(1).run().getInt(1)));
        assertEquals((0.95 + 0.05 + 0.10) / 3, picks.get(1).pointMean(), 1e-12);
    }

    @Test
    void aSweepOfOnePointShowsItOnceAtItsBestReplicate() {
        Dataset<Row> runs = runs(new Object[] {"only", 0, "OK", 0.2}, new Object[] {"only", 1, "OK", 0.7});
        List<BestAndWorstRuns.Pick> picks = new BestAndWorstRuns(runs, SweptAxes.none()).picks();
        assertEquals(1, picks.size());
        assertEquals(1, picks.get(0).run().getInt(1));
    }
}
