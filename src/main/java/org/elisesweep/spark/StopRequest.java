package org.elisesweep.spark;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A request to stop a running sweep early, e.g. from a Ctrl-C handler: what is committed stays, what
 * is in flight is cancelled, and rerunning the same command continues.
 */
public final class StopRequest {
    private final CopyOnWriteArrayList<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile boolean requested;

    /** Asks the sweep to stop; runs the actions registered so far (and any registered later, at once). */
    public void request() {
        requested = true;
        actions.forEach(Runnable::run);
    }

    public boolean requested() {
        return requested;
    }

    void onRequest(Runnable action) {
        actions.add(action);
        if (requested) {
            action.run();
        }
    }

    void remove(Runnable action) {
        actions.remove(action);
    }
}
