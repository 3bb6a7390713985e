package org.elisesweep.model;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether this JVM was started with {@code --add-modules jdk.incubator.vector}: then the
 * kernels that use the Vector API ({@link VectorRateKernels}, {@link VectorLaneKernels}) run,
 * else their scalar twins, with the same bits. conf/spark-defaults.conf sets the flag for
 * executors (so also on the local cluster), jobs/lib/console-jvm.sh for jobs/elise and embedded
 * sweeps, surefire and the benchmark scripts too.
 */
public final class VectorModule {
    /** Decided once per JVM, at class initialisation. */
    static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    /**
     * Whether C2 compiles this JVM's hot code. Only C2 turns the Vector API into vector
     * instructions; under C1 alone ({@code -XX:TieredStopAtLevel=1}, the unit tests' setting) it
     * runs as its Java fallback, many times slower than a scalar loop.
     */
    static final boolean COMPILED_BY_C2 = c2();
    /** Whether the vector kernels run here as vector instructions: the module and C2. */
    static final boolean USABLE = PRESENT && COMPILED_BY_C2;

    private VectorModule() {
    }

    /** One line for {@code elise --version}: whether the vector kernels run here, and if not why. */
    public static String describe() {
        if (USABLE) {
            return "vector kernels: on (jdk.incubator.vector, C2)";
        }
        return PRESENT ? "vector kernels: off (C2 does not compile here; the scalar kernels give the same bits)"
                : "vector kernels: off (the JVM was started without --add-modules jdk.incubator.vector; "
                        + "the scalar kernels give the same bits)";
    }

    private static boolean c2() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return !Boolean.parseBoolean(vm.getVMOption("TieredCompilation").getValue())
                    || Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue()) >= 4;
        } catch (RuntimeException | LinkageError e) {
            return true;   // not HotSpot: assume an optimising compiler
        }
    }
}
