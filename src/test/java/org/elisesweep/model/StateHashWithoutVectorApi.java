package org.elisesweep.model;

/**
 * Prints which rate kernels this JVM runs and {@link NoiseTest#stateHash} of the default network
 * without noise: RateKernelsTest starts it in a JVM without the Vector API module, as the
 * console JVMs of jobs/elise run, to show that the scalar kernels give the bits of the vector ones.
 */
final class StateHashWithoutVectorApi {
    private StateHashWithoutVectorApi() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println(RateKernels.create().getClass().getSimpleName());
        System.out.println(NoiseTest.stateHash(ModelParams.defaults(), NoiseParams.none()));
    }
}
