package org.elisesweep.model;

/** The part of the protocol (docs/model.md §6) a cycle belongs to; noise sources may act in one only. */
public enum Phase {
    /** The extra nudged cycle and training cycles 0…TC−1, validation cycles included. */
    TRAINING,
    /** Replay cycles 0…RC−1 of any scenario, realigning cycles included. */
    REPLAY
}
