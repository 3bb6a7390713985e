package org.elisesweep.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jobs/zeppelin.sh import}: imports every note of {@code notebooks/} into a running Zeppelin
 * with its {@code output} note form preset to a sweep's output directory, into a Zeppelin folder
 * named after that directory, and prints each note's URL. Zeppelin's import drops a note's saved
 * form values, so the path is written into the form's default in the paragraphs' text.
 */
@Command(name = "zeppelin.sh import", mixinStandardHelpOptions = true,
        description = "Import the notes of notebooks/ into a running Zeppelin (0.12) with their `output` "
                + "set to OUTPUT_DIR; prints each note's URL.")
final class ZeppelinImport implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OUTPUT_DIR",
            description = "The sweep's output directory (a local path, made absolute, or a Hadoop URI).")
    String output;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "Zeppelin's address (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--notes", paramLabel = "DIR", defaultValue = "notebooks",
            description = "Where the .zpln notes are (default: ${DEFAULT-VALUE}).")
    Path notesDir;

    @Option(names = "--replace", description = "Delete notes of the same folder and name first "
            + "(otherwise such a note is an error and nothing is imported).")
    boolean replace;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ZeppelinImport()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return importNotes(spec.commandLine().getOut(), err);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private int importNotes(PrintWriter out, PrintWriter err) throws IOException {
        String location = location(output);
        if (!location.contains(":") && !Files.isDirectory(Path.of(location, "runs"))) {
            err.println("warning: " + location + "/runs does not exist here: the notes find no tables unless "
                    + "Zeppelin's Spark interpreter sees that directory");
        }
        List<Path> files = noteFiles(notesDir);
        if (files.isEmpty()) {
            err.println("error: no Zeppelin notes (*.zpln) in " + notesDir.toAbsolutePath());
            return 2;
        }
        ZeppelinRest zeppelin = new ZeppelinRest(url);
        Map<String, String> existing = notesByPath(zeppelin.notes());
        String folder = folderName(location);
        Map<Path, JsonNode> prepared = new LinkedHashMap<>();
        for (Path file : files) {
            JsonNode note = importable(ZeppelinNote.read(file), location, folder);
            String clash = existing.get("/" + note.path("name").asText());
            if (clash != null && !replace) {
                err.println("error: Zeppelin already has the note /" + note.path("name").asText() + " ("
                        + zeppelin.noteUrl(clash) + "); delete it or import again with --replace");
                return 1;
            }
            prepared.put(file, note);
        }
        for (JsonNode note : prepared.values()) {
            String clash = existing.get("/" + note.path("name").asText());
            if (clash != null) {
                zeppelin.deleteNote(clash);
            }
            out.println(note.path("name").asText() + ": " + zeppelin.noteUrl(zeppelin.importNote(note)));
        }
        return 0;
    }

    /** A local path made absolute (Zeppelin's interpreter runs elsewhere); a URI with a scheme as given. */
    static String location(String output) {
        return output.matches("[A-Za-z][\\w+.-]*:.*") ? output : Path.of(output).toAbsolutePath().normalize().toString();
    }

    /** The last name of the location's path: {@code /data/out/learning-rates} → {@code learning-rates}. */
    static String folderName(String location) {
        String path = location.replaceAll("/+$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static List<Path> noteFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".zpln")).sorted().toList();
        }
    }

    /**
     * The note as it is imported: a copy with the {@code output} form's default set to
     * {@code location} in every paragraph and, unless {@code folder} is null, named
     * {@code folder/<name>} (Zeppelin's folders are the slashes of a note's name).
     */
    static JsonNode importable(ZeppelinNote note, String location, String folder) {
        ObjectNode json = note.json().deepCopy();
        for (JsonNode paragraph : json.path("paragraphs")) {
            String text = paragraph.path("text").asText("");
            ((ObjectNode) paragraph).put("text", NoteForms.withNoteFormDefault(text, NoteStructure.OUTPUT_FORM, location));
        }
        if (folder != null) {
            json.put("name", folder + "/" + json.path("name").asText());
        }
        return json;
    }

    private static Map<String, String> notesByPath(JsonNode notes) {
        Map<String, String> byPath = new HashMap<>();
        notes.forEach(n -> byPath.put(n.path("path").asText(), n.path("id").asText()));
        return byPath;
    }
}
