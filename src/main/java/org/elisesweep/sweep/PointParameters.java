package org.elisesweep.sweep;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A point's parameters as an immutable map in natural path order, held as two arrays: the paths,
 * shared by every point with the catalog's paths, and the values. A sweep's driver holds every
 * point at once, and a tree map per point was most of its memory.
 */
final class PointParameters extends AbstractMap<String, Object> implements SortedMap<String, Object>, Serializable {
    private static final long serialVersionUID = 1L;
    private static final String[] POINT_PATHS = ParameterCatalog.INSTANCE.defaults().keySet().toArray(String[]::new);

    private final String[] paths;
    private final Object[] values;

    private PointParameters(String[] paths, Object[] values) {
        this.paths = paths;
        this.values = values;
    }

    /** The entries of {@code parameters}, in natural path order whatever its comparator. */
    static SortedMap<String, Object> copyOf(Map<String, Object> parameters) {
        SortedMap<String, Object> sorted = parameters instanceof SortedMap<String, Object> s && s.comparator() == null
                ? s : new TreeMap<>(parameters);
        String[] paths = sorted.keySet().toArray(String[]::new);
        return new PointParameters(Arrays.equals(paths, POINT_PATHS) ? POINT_PATHS : paths,
                sorted.values().toArray());
    }

    @Override
    public Object get(Object key) {
        int k = key instanceof String s ? Arrays.binarySearch(paths, s) : -1;
        return k < 0 ? null : values[k];
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String s && Arrays.binarySearch(paths, s) >= 0;
    }

    @Override
    public int size() {
        return paths.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < paths.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= paths.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> e = new SimpleImmutableEntry<>(paths[next], values[next]);
                        next++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return paths.length;
            }
        };
    }

    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public String firstKey() {
        if (paths.length == 0) {
            throw new NoSuchElementException();
        }
        return paths[0];
    }

    @Override
    public String lastKey() {
        if (paths.length == 0) {
            throw new NoSuchElementException();
        }
        return paths[paths.length - 1];
    }

    // views are rare (nothing in the sweep needs them): a copy serves them
    @Override
    public SortedMap<String, Object> subMap(String fromKey, String toKey) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(this).subMap(fromKey, toKey));
    }

    @Override
    public SortedMap<String, Object> headMap(String toKey) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(this).headMap(toKey));
    }

    @Override
    public SortedMap<String, Object> tailMap(String fromKey) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(this).tailMap(fromKey));
    }
}
