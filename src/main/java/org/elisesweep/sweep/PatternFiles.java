package org.elisesweep.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.elisesweep.model.Pattern;
import org.elisesweep.model.PatternFormatException;

/**
 * The pattern files a sweep names, resolved relative to the sweep file's directory and read once
 * each. Points carry a file's pattern by content (in {@code pattern.inline}, in the pattern
 * format's canonical text), so executors never read files and a point's id follows the pattern,
 * not the path it was read from.
 */
final class PatternFiles {
    private final Path baseDir;
    /** Concurrent: points are validated in parallel (they only read it, as validation has read every file). */
    private final Map<String, Pattern> read = new ConcurrentHashMap<>();

    /** @param baseDir directory relative paths start from; null = the working directory */
    PatternFiles(Path baseDir) {
        this.baseDir = baseDir;
    }

    static boolean isBuiltIn(String source) {
        return Pattern.FUER_ELISE.equals(source);
    }

    /**
     * The canonical text of the pattern file {@code source} (as written in the sweep file).
     *
     * @throws PatternFormatException when it does not exist or is malformed
     */
    String inlineText(String source) {
        Pattern pattern = read.get(source);
        if (pattern == null) {
            Path file = baseDir == null ? Path.of(source) : baseDir.resolve(source);
            if (!Files.isRegularFile(file)) {
                throw new PatternFormatException(source, "no such pattern file (looked for " + file.toAbsolutePath()
                        + "); give a built-in pattern (" + Pattern.FUER_ELISE + ") or a file relative to the sweep file");
            }
            pattern = Pattern.load(file);
            read.put(source, pattern);
        }
        return pattern.toText();
    }

    /** Why {@code source} cannot be used, or null when it can (a built-in name, or a readable, well-formed file). */
    String problemWith(String source) {
        if (isBuiltIn(source)) {
            return null;
        }
        try {
            inlineText(source);
            return null;
        } catch (PatternFormatException e) {
            return e.getMessage();
        }
    }
}
