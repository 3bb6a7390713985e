package org.elisesweep.model;

/**
 * The version of the simulator's semantics. Part of every sweep point's id: bump it whenever a
 * change alters any result for the same parameters and seed, so that a sweep never mixes results
 * of two model versions.
 */
public final class ModelVersion {
    /** Current model version. */
    public static final String ID = "elise-model-1";

    private ModelVersion() {
    }
}
