package org.elisesweep.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The configuration keys of the model's enums: the constant's name in lower case with '-' for
 * '_' (SOMA_ONLY is "soma-only"), and parsing them back.
 */
final class EnumKeys {
    private EnumKeys() {
    }

    /** The key of {@code e}. */
    static String key(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code values} whose key is {@code key}.
     *
     * @throws IllegalArgumentException naming {@code what} and the allowed keys
     */
    static <E extends Enum<E>> E parse(E[] values, String key, String what) {
        for (E e : values) {
            if (key(e).equals(key)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + key + "'; allowed: "
                + Arrays.stream(values).map(EnumKeys::key).collect(Collectors.joining(", ")));
    }
}
