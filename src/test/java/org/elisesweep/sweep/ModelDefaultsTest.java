package org.elisesweep.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import org.elisesweep.model.SimulationSpec;
import org.junit.jupiter.api.Test;

/**
 * The defaults file is the one place defaults live; the model library's own paper setting
 * ({@link SimulationSpec#paper}, for callers of the library without a sweep file) must be the
 * simulation the defaults file describes, so the two cannot drift apart.
 */
class ModelDefaultsTest {
    @Test
    void theDefaultsFileDescribesTheModelLibrarysPaperSetting() {
        SimulationSpec fromFile = SimulationConfig.parse(ConfigFactory.empty(), "defaults");
        SimulationSpec paper = SimulationSpec.paper(fromFile.seed());
        assertEquals(paper.model(), fromFile.model());
        assertEquals(paper.protocol(), fromFile.protocol());
        assertEquals(paper.noise(), fromFile.noise());
        assertEquals(paper.pattern().neurons(), fromFile.pattern().neurons());
        assertEquals(paper.pattern().steps(), fromFile.pattern().steps());
        assertEquals(paper.clamps(), fromFile.clamps());
        assertEquals(paper.trainingSignature(), fromFile.trainingSignature());
    }
}
