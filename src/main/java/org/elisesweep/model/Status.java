package org.elisesweep.model;

/** Outcome of a simulation: a failure is data, not an exception. */
public enum Status {
    OK, DIVERGED, TIMEOUT, ERROR, INVALID
}
