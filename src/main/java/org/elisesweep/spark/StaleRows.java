package org.elisesweep.spark;

import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Committed simulations that the current sweep file does not plan: rows of points an edited sweep
 * file no longer has (its base or axes changed, so its points got new ids), or of replicates it no
 * longer asks for. They are results of an earlier sweep file, not damage; {@code elise verify
 * --prune-stale} removes them.
 *
 * @param keys the stale simulations, as {@link CommittedRuns#key}
 */
public record StaleRows(SortedSet<String> keys) {
    /** The committed simulations of {@code committed} that are not in {@code planned} (none when it is null). */
    static StaleRows of(Collection<String> committed, Set<String> planned) {
        SortedSet<String> stale = new TreeSet<>();
        for (String key : committed) {
            if (planned != null && !planned.contains(key)) {
                stale.add(key);
            }
        }
        return new StaleRows(stale);
    }

    public int simulations() {
        return keys.size();
    }

    /** The distinct points of the stale simulations. */
    public int points() {
        return (int) keys.stream().map(k -> k.substring(0, k.lastIndexOf('/'))).distinct().count();
    }

    /**
     * The report line, e.g. "the table also holds 6 simulations of 3 points that are not in the
     * current sweep file (config 1a2b3c4d); `elise verify out --sweep s --prune-stale` removes them".
     */
    public String describe(String configHash, String output, String sweep) {
        return "the table also holds " + simulations() + " simulations of " + points() + " points that are not in "
                + "the current sweep file (config " + configHash.substring(0, Math.min(8, configHash.length()))
                + "); `elise verify " + output + " --sweep " + sweep + " --prune-stale` removes them";
    }
}
