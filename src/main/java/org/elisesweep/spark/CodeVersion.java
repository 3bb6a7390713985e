package org.elisesweep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The git commit this code was built from and whether the working tree had uncommitted changes
 * then (the {@code code_version} and {@code code_dirty} of every runs row): recorded at build time
 * by git-commit-id-maven-plugin into {@code org/elisesweep/git.properties}. A build outside a git
 * checkout has commit "unknown" and counts as dirty, since nothing says what it contains.
 */
public record CodeVersion(String commit, boolean dirty) implements Serializable {
    static final String RESOURCE = "/org/elisesweep/git.properties";

    public static CodeVersion ofThisBuild() {
        Properties p = new Properties();
        try (InputStream in = CodeVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        String commit = p.getProperty("git.commit.id", "").trim();
        return commit.isEmpty() ? new CodeVersion("unknown", true)
                : new CodeVersion(commit, Boolean.parseBoolean(p.getProperty("git.dirty", "true").trim()));
    }
}
