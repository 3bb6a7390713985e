package org.elisesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The parameter catalog against the defaults file, the model's own checks and docs/parameters.md. */
class ParameterCatalogTest {
    private static final ParameterCatalog CATALOG = ParameterCatalog.INSTANCE;
    private static final String TABLE_START = "<!-- parameter table: generated from ParameterCatalog, checked by"
            + " ParameterCatalogTest -->";
    private static final String TABLE_END = "<!-- end of parameter table -->";

    @Test
    void everyParameterOfTheDefaultsFileHasOneEntryAndItsDefaultComesFromThere() {
        var file = ConfigFactory.parseResources("org/elisesweep/simulation-defaults.conf");
        Set<String> leaves = file.entrySet().stream().map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(leaves, CATALOG.all().stream().map(Parameter::path).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(-70.0, CATALOG.get("model.e-l").defaultValue());
        assertEquals(50, CATALOG.get("model.n-lat").defaultValue());
        assertEquals(1L, CATALOG.get("seed").defaultValue());
        assertEquals(1.0, CATALOG.get("model.density").defaultValue());   // 1.0 in the file, an integer to Typesafe Config
        for (Parameter p : CATALOG.all()) {
            assertFalse(p.description().isBlank(), p.path() + " has no description");
            if (p.type() == ParameterType.CHOICE) {
                assertTrue(p.choices().contains(p.defaultValue()), p.path() + ": default not among " + p.choices());
            }
        }
    }

    @Test
    void wholeNumbersAreRequiredExactlyForIntegerParameters() {
        for (Parameter p : CATALOG.all()) {
            if (!p.type().isNumeric()) {
                continue;
            }
            List<String> problems = problems(p.path(), 2.5);
            boolean refused = problems.stream().anyMatch(s -> s.startsWith(p.path() + ": expected a whole number"));
            assertEquals(p.type() != ParameterType.DOUBLE, refused, p.path() + " = 2.5: " + problems);
        }
    }

    @Test
    void everyNumericBoundIsTheOneTheModelEnforces() {
        int probed = 0;
        for (Parameter p : CATALOG.all()) {
            ParameterRange r = p.range();
            if (r.min() != null) {
                probe(p, r.min(), r.minIncluded(), -1);
                probed++;
            }
            if (r.max() != null) {
                probe(p, r.max(), r.maxIncluded(), +1);
                probed++;
            }
        }
        assertTrue(probed > 30, "only " + probed + " bounds probed");
    }

    /** The value just beyond a bound is refused, naming the parameter; an included bound itself is accepted. */
    private static void probe(Parameter p, double bound, boolean included, int outward) {
        Object beyond;
        if (!included) {
            beyond = p.type() == ParameterType.INTEGER ? (Object) (int) bound : (Object) bound;
        } else if (p.type() == ParameterType.INTEGER) {
            beyond = (int) bound + outward;
        } else {
            beyond = outward < 0 ? Math.nextDown(bound) : Math.nextUp(bound);
        }
        assertTrue(problems(p.path(), beyond).stream().anyMatch(s -> s.startsWith(p.path() + ":")),
                p.path() + " = " + beyond + " should be refused (range " + p.range() + ")");
        if (included) {
            Object at = p.type() == ParameterType.INTEGER ? (Object) (int) bound : (Object) bound;
            List<String> problems = problems(p.path(), at);
            assertTrue(problems.stream().noneMatch(s -> s.startsWith(p.path() + ":")),
                    p.path() + " = " + at + " should be allowed (range " + p.range() + "): " + problems);
        }
    }

    private static List<String> problems(String path, Object value) {
        try {
            SimulationConfig.parse(ConfigFactory.parseMap(Map.of(path, value)), "probe");
            return List.of();
        } catch (ConfigProblems e) {
            return e.problems();
        }
    }

    @Test
    void theReadmeParameterTableIsTheCatalogs() throws IOException {
        String readme = Files.readString(Path.of("docs", "parameters.md"));
        int start = readme.indexOf(TABLE_START);
        int end = readme.indexOf(TABLE_END);
        assertTrue(start >= 0 && end > start, "docs/parameters.md has no parameter table between " + TABLE_START + " and "
                + TABLE_END);
        String table = readme.substring(start + TABLE_START.length(), end).strip();
        String expected = markdownTable();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "parameter-table.md"), expected + "\n");
        assertEquals(expected, table, "docs/parameters.md's table differs from the catalog; paste"
                + " target/parameter-table.md between the markers");
    }

    /** The documented table (docs/parameters.md): one row per parameter, in the defaults file's order. */
    static String markdownTable() {
        List<String> rows = new ArrayList<>();
        rows.add("| path | type | default | allowed | unit | meaning |");
        rows.add("|---|---|---|---|---|---|");
        for (Parameter p : CATALOG.all()) {
            rows.add("| `" + p.path() + "` | " + typeName(p.type()) + " | " + defaultText(p) + " | " + p.range()
                    + " | " + p.unit() + " | " + p.description() + " |");
        }
        return String.join("\n", rows);
    }

    private static String typeName(ParameterType type) {
        return switch (type) {
            case INTEGER -> "integer";
            case LONG -> "64-bit integer";
            case DOUBLE -> "real";
            case BOOLEAN -> "boolean";
            case STRING -> "text";
            case CHOICE -> "choice";
            case LIST -> "list";
        };
    }

    private static String defaultText(Parameter p) {
        Object v = p.defaultValue();
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (v instanceof String s) {
            return s.isEmpty() ? "\"\"" : "`" + s + "`";
        }
        return String.valueOf(v);
    }
}
