package org.elisesweep.notebooks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Zeppelin's simple dynamic forms, as its {@code %spark.sql} and {@code %md} interpreters expand them
 * before running a paragraph (org.apache.zeppelin.display.Input, Zeppelin 0.10/0.11):
 * {@code $${name=default}} is a note-level form (one value for the whole note, e.g. the sweep's output
 * directory), {@code ${name=default}} a paragraph-level text box and
 * {@code ${name=default,option|option(Display name)}} a paragraph-level drop-down. Note forms are
 * expanded first, then paragraph forms.
 */
final class NoteForms {
    /** Zeppelin's VAR_NOTE_PTN: an optional {@code _} (hidden form), {@code $${}, name, {@code =} default. */
    private static final Pattern NOTE_FORM = Pattern.compile("_?\\$\\$\\{([^=}]*)(?:=([^}]*))?}");
    /** Zeppelin's VAR_PTN, skipping a {@code ${} right after a {@code $} (that one is a note form). */
    private static final Pattern PARAGRAPH_FORM = Pattern.compile("(?<!\\$)_?\\$\\{([^=}]*)(?:=([^}]*))?}");

    private NoteForms() {
    }

    /** A paragraph's text with its paragraph forms set to one combination of values (form name → value). */
    record Variant(Map<String, String> values, String text) {
        /** The values as a reader would write them, e.g. {@code group=model_n_lat}; "" without forms. */
        String label() {
            return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }

    /** The names of the note forms in a text. */
    static List<String> noteFormNames(String text) {
        return NOTE_FORM.matcher(text).results().map(m -> name(m.group(1))).distinct().toList();
    }

    /**
     * The text with every note form replaced by its value in {@code noteParams}.
     *
     * @throws IllegalArgumentException for a note form that {@code noteParams} has no value for
     */
    static String expandNoteForms(String text, Map<String, String> noteParams) {
        return NOTE_FORM.matcher(text).replaceAll(m -> {
            String value = noteParams.get(name(m.group(1)));
            if (value == null) {
                throw new IllegalArgumentException("note form '" + name(m.group(1)) + "' has no value here (known: "
                        + noteParams.keySet() + ")");
            }
            return Matcher.quoteReplacement(value);
        });
    }

    /**
     * The text with the default of every note form {@code name} set to {@code value}: what Zeppelin
     * then shows and uses for the form (its note import drops the note's saved form values).
     *
     * @throws IllegalArgumentException for a value Zeppelin's form syntax cannot hold (a closing brace)
     */
    static String withNoteFormDefault(String text, String name, String value) {
        if (value.contains("}")) {
            throw new IllegalArgumentException("the value of note form '" + name + "' cannot contain '}': " + value);
        }
        return NOTE_FORM.matcher(text).replaceAll(m -> {
            if (!name(m.group(1)).equals(name)) {
                return Matcher.quoteReplacement(m.group());
            }
            String hidden = m.group().startsWith("_") ? "_" : "";
            return Matcher.quoteReplacement(hidden + "$${" + m.group(1) + "=" + value + "}");
        });
    }

    /**
     * The text once for every combination of its paragraph forms' values: every option of a
     * drop-down, the default of a text box; the text itself when it has no paragraph form.
     *
     * @throws IllegalArgumentException for a text box without default (Zeppelin would run it with an
     *     empty string), a drop-down whose default is not an option, a form name defined twice in
     *     different ways (Zeppelin would keep only the last), or a typed form (checkbox, password)
     */
    static List<Variant> paragraphVariants(String text) {
        Map<String, String> definitions = new LinkedHashMap<>();
        Map<String, List<String>> valuesByName = new LinkedHashMap<>();
        Matcher m = PARAGRAPH_FORM.matcher(text);
        while (m.find()) {
            String name = name(m.group(1));
            String earlier = definitions.putIfAbsent(name, m.group(2));
            if (earlier != null && !earlier.equals(m.group(2))) {
                throw new IllegalArgumentException("paragraph form '" + name + "' is defined twice in different ways");
            }
            valuesByName.putIfAbsent(name, values(m.group(0), m.group(2)));
        }
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(Map.of());
        for (Map.Entry<String, List<String>> form : valuesByName.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> combination : combinations) {
                for (String value : form.getValue()) {
                    Map<String, String> extended = new LinkedHashMap<>(combination);
                    extended.put(form.getKey(), value);
                    next.add(extended);
                }
            }
            combinations = next;
        }
        return combinations.stream().map(values -> new Variant(values, PARAGRAPH_FORM.matcher(text)
                .replaceAll(f -> Matcher.quoteReplacement(values.get(name(f.group(1))))))).toList();
    }

    /** The form's name without its display name: {@code group(Group by)} is {@code group}. */
    private static String name(String namePart) {
        if (namePart.contains(":")) {
            throw new IllegalArgumentException("typed form '" + namePart + "' is not supported by this checker");
        }
        return stripDisplayName(namePart);
    }

    private static List<String> values(String form, String valuePart) {
        if (valuePart == null) {
            throw new IllegalArgumentException("form " + form + " has no default value");
        }
        int comma = valuePart.indexOf(',');
        if (comma < 0) {
            return List.of(valuePart);
        }
        String defaultValue = valuePart.substring(0, comma).strip();
        List<String> options = new ArrayList<>();
        for (String option : valuePart.substring(comma + 1).split("\\|")) {
            options.add(stripDisplayName(option));
        }
        if (!options.contains(defaultValue)) {
            throw new IllegalArgumentException("form " + form + ": the default '" + defaultValue + "' is not an option");
        }
        return options;
    }

    private static String stripDisplayName(String s) {
        int paren = s.indexOf('(');
        return (paren < 0 ? s : s.substring(0, paren)).strip();
    }
}
