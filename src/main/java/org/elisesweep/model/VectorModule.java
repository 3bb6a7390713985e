package org.elisesweep.model;

/**
 * Whether this JVM was started with {@code --add-modules jdk.incubator.vector}: then the
 * kernels that use the Vector API ({@link VectorRateKernels}, {@link VectorLaneKernels}) run,
 * else their scalar twins, with the same bits. conf/spark-defaults.conf sets the flag for
 * executors (so also on the local cluster), surefire and the benchmark scripts too.
 */
final class VectorModule {
    /** Decided once per JVM, at class initialisation. */
    static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorModule() {
    }
}
