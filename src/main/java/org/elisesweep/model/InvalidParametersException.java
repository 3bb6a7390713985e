package org.elisesweep.model;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown before anything is simulated when parameters are out of range; lists every violation. */
public final class InvalidParametersException extends IllegalArgumentException {
    private final transient List<Violation> violations;

    public InvalidParametersException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("\n  ", "invalid parameters:\n  ", "")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
