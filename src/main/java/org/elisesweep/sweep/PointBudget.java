package org.elisesweep.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The number of points of the axes read so far, so that a count too large for a plan is refused
 * before its axis is built: {@code count = 1000000000} would otherwise fill memory long before the
 * product of the axes could be checked. Axes combine by cartesian product, so an axis of n
 * positions fits when n times the points of the axes before it is at most the limit. Only axes
 * that fit are counted, so the product stays at most the limit and never overflows.
 */
final class PointBudget {
    private final long limit;
    /** The sizes of the counted axes, in file order, for the message. */
    private final List<Integer> sizes = new ArrayList<>();
    private long points = 1;
    private boolean exceeded;

    PointBudget(long limit) {
        this.limit = limit;
    }

    /**
     * Whether an axis of {@code count} positions fits after the counted axes. The first time one
     * does not, appends a problem to {@code problems} naming {@code at} and the limit; every later
     * axis is then refused without another message (one says the sweep is too large).
     */
    boolean admits(String at, long count, List<String> problems) {
        if (exceeded) {
            return false;
        }
        if (count <= limit / points) { // count × points ≤ limit, without overflow
            return true;
        }
        exceeded = true;
        String product = sizes.stream().map(String::valueOf).collect(Collectors.joining(" × ", "", " × "));
        problems.add(at + ": " + (sizes.isEmpty() ? "" : product) + count + " points is more than the " + limit
                + " a sweep file may have; split it into several sweeps");
        return false;
    }

    /** Counts an axis that was admitted and built; mutates this budget. */
    void add(int size) {
        points *= size;
        sizes.add(size);
    }

    /** Whether some axis did not fit (the problem was reported): the sweep's points must not be built. */
    boolean exceeded() {
        return exceeded;
    }
}
