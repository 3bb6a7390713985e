package org.elisesweep.spark;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession of a sweep: the settings the job relies on, whatever launched it. */
public final class SparkSessions {
    private SparkSessions() {
    }

    /** Settings every sweep needs: Kryo with registration required, and our registrator. */
    static SparkConf required(SparkConf conf) {
        return conf.set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .set("spark.kryo.registrator", KryoSetup.class.getName())
                .set("spark.kryo.registrationRequired", "true");
    }

    /**
     * The session for a sweep. Under spark-submit the master and resources come from the command
     * line; otherwise ({@code master} given, e.g. {@code local[*]}) an embedded Spark on the loopback
     * address is started. {@code extra} are further Spark settings (e.g. from {@code --conf}).
     */
    public static SparkSession forSweep(String master, String appName, Map<String, String> extra) {
        SparkConf conf = required(new SparkConf().setAppName(appName));
        if (master != null) {
            conf.setMaster(master);
        }
        if (conf.get("spark.master", "").startsWith("local")) {
            // a laptop or CI machine: bind to loopback, never to an unroutable interface
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.sql.shuffle.partitions", "8");
        extra.forEach(conf::set);
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
