package org.elisesweep.sweep;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in a configuration, each naming its path; thrown before anything runs. */
public final class ConfigProblems extends IllegalArgumentException {
    private final transient List<String> problems;

    public ConfigProblems(String source, List<String> problems) {
        super(problems.stream().collect(Collectors.joining("\n  ",
                source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n  ", "")));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
