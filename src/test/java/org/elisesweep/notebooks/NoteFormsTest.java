package org.elisesweep.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.elisesweep.notebooks.NoteForms.Variant;
import org.junit.jupiter.api.Test;

class NoteFormsTest {
    @Test
    void noteFormsTakeTheGivenValueWhateverTheirDefault() {
        assertEquals("path '/data/out/x/runs', '/data/out/x/curves'", NoteForms.expandNoteForms(
                "path '$${output=out/q}/runs', '$${output}/curves'", Map.of("output", "/data/out/x")));
        assertEquals(List.of("output"), NoteForms.noteFormNames("$${output=a} $${output(Output)=a} ${x=1}"));
    }

    @Test
    void settingANoteFormsDefaultChangesItWhereverTheFormStandsAndNothingElse() {
        String text = "path '$${output=out/q}/runs', '$${output(Output)}/c', '_$${output=o}', '$${other=out/q}' ${output=p}";
        assertEquals("path '$${output=/d/x}/runs', '$${output(Output)=/d/x}/c', '_$${output=/d/x}', "
                + "'$${other=out/q}' ${output=p}", NoteForms.withNoteFormDefault(text, "output", "/d/x"));
        assertThrows(IllegalArgumentException.class, () -> NoteForms.withNoteFormDefault(text, "output", "/a}b"));
    }

    @Test
    void aNoteFormWithoutAValueIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NoteForms.expandNoteForms("'$${sweep=x}'", Map.of("output", "/o")));
        assertTrue(e.getMessage().contains("'sweep'"), e.getMessage());
    }

    @Test
    void aDropDownGivesOneVariantPerOptionAndATextBoxItsDefault() {
        List<Variant> variants = NoteForms.paragraphVariants(
                "SELECT ${g=a,a(The A)|b}, ${g=a,a(The A)|b}, ${n=5} FROM $${output=x}");
        assertEquals(List.of(new Variant(Map.of("g", "a", "n", "5"), "SELECT a, a, 5 FROM $${output=x}"),
                new Variant(Map.of("g", "b", "n", "5"), "SELECT b, b, 5 FROM $${output=x}")), variants);
    }

    @Test
    void aTextWithoutFormsIsItsOnlyVariant() {
        assertEquals(List.of(new Variant(Map.of(), "SELECT 1")), NoteForms.paragraphVariants("SELECT 1"));
    }

    @Test
    void formsZeppelinWouldRunWithAnotherValueThanMeantAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> NoteForms.paragraphVariants("SELECT ${n}"));
        assertThrows(IllegalArgumentException.class, () -> NoteForms.paragraphVariants("SELECT ${g=c,a|b}"));
        assertThrows(IllegalArgumentException.class, () -> NoteForms.paragraphVariants("${g=a,a|b} ${g=b,a|b}"));
    }
}
