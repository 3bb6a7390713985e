package org.elisesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.elisesweep.model.SimulationSpec;
import org.junit.jupiter.api.Test;

/** A point's typed values give the spec, or the problems, that the same values parsed as HOCON give. */
class SpecConversionTest {

    private static TreeMap<String, Object> point(Map<String, Object> overrides) {
        TreeMap<String, Object> p = new TreeMap<>(ParameterCatalog.INSTANCE.defaults());
        p.putAll(overrides);
        return p;
    }

    @Test
    void aValidPointGivesTheSpecItsHoconGives() {
        Map<String, Object> values = Map.of("model.n-lat", 12, "model.mode", "reservoir", "model.lambda", 0.3,
                "training.cycles", 40, "noise.membrane.phase", "replay",
                "replay.scenarios", "[\"silence-cycle\",{\"cycle\":5,\"name\":\"late\",\"offset-mv\":15,\"to-ms\":20}]");
        SimulationSpec typed = SimulationConfig.spec(point(values), 7L, "typed");
        SimulationSpec parsed = SimulationConfig.parse(ConfigFactory.parseString("""
                model { n-lat = 12, mode = reservoir, lambda = 0.3 }, training.cycles = 40
                noise.membrane.phase = replay, seed = 7
                replay.scenarios = [silence-cycle, { name = late, cycle = 5, to-ms = 20, offset-mv = 15 }]
                """), "parsed");
        assertEquals(parsed.model(), typed.model());
        assertEquals(parsed.protocol(), typed.protocol());
        assertEquals(parsed.noise(), typed.noise());
        assertEquals(parsed.clamps(), typed.clamps());
        assertEquals(parsed.pattern(), typed.pattern());
        assertEquals(7L, typed.seed());
    }

    @Test
    void anInvalidPointGivesTheProblemsItsValuesGiveWithoutAFile() {
        Map<String, Object> values = Map.of("training.cycles", 0, "model.connectivity", "dense",
                "replay.scenarios", "[{\"cycle\":4,\"name\":\"x\",\"fraction\":2}]");
        List<String> typed = assertThrows(ConfigProblems.class,
                () -> SimulationConfig.spec(point(values), 1L, "typed")).problems();
        List<String> parsed = assertThrows(ConfigProblems.class, () -> SimulationConfig.parse(
                ConfigFactory.parseMap(Map.of("training.cycles", 0, "model.connectivity", "dense", "replay.scenarios",
                        List.of(Map.of("cycle", 4, "name", "x", "fraction", 2))), ""), "parsed")).problems();
        assertEquals(parsed, typed);
        assertEquals(3, typed.size(), typed.toString());
    }
}
