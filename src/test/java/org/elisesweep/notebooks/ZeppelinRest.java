package org.elisesweep.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The calls of Zeppelin's REST API (checked on 0.12.0) that import and run notes. Every answer is
 * {@code {"status": "OK", "body": ...}}; anything else is an {@link IOException} with Zeppelin's message.
 *
 * @param base the server, e.g. {@code http://127.0.0.1:8080}
 */
record ZeppelinRest(URI base, HttpClient http) {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Run-all of a note waits for its paragraphs; the first Spark paragraph also starts the interpreter. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    ZeppelinRest(URI base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    /** A result of a paragraph of type TABLE: Zeppelin's tab-separated text, header first. */
    record Table(List<String> columns, List<List<String>> rows) {
        static Table parse(String data) {
            List<String> lines = data.lines().toList();
            List<List<String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                rows.add(Arrays.asList(line.split("\t", -1)));
            }
            return new Table(Arrays.asList(lines.get(0).split("\t", -1)), rows);
        }
    }

    /** The tables among a paragraph's results ({@code results.msg} or a run's {@code msg}), in order. */
    static List<Table> tables(JsonNode messages) {
        List<Table> tables = new ArrayList<>();
        for (JsonNode m : messages) {
            if (m.path("type").asText().equals("TABLE")) {
                tables.add(Table.parse(m.path("data").asText()));
            }
        }
        return tables;
    }

    /** The text of a paragraph's non-table results, e.g. Spark's error message. */
    static String text(JsonNode messages) {
        StringBuilder text = new StringBuilder();
        messages.forEach(m -> {
            if (!m.path("type").asText().equals("TABLE")) {
                text.append(m.path("data").asText());
            }
        });
        return text.toString().strip();
    }

    /** Imports a note ({@code .zpln} JSON); returns its new id. */
    String importNote(JsonNode note) throws IOException {
        return call(post("/api/notebook/import", JSON.writeValueAsString(note))).asText();
    }

    /** The notes on the server, each {@code {"id", "path"}}. */
    JsonNode notes() throws IOException {
        return call(request("/api/notebook").GET());
    }

    void deleteNote(String noteId) throws IOException {
        call(request("/api/notebook/" + noteId).DELETE());
    }

    /** Runs every paragraph of the note, top to bottom, until one fails; returns when done. */
    void runAll(String noteId) throws IOException {
        // an empty body gives a NullPointerException in 0.12.0
        call(post("/api/notebook/job/" + noteId + "?blocking=true", "{\"params\":{}}"));
    }

    /** The note with its paragraphs' {@code status} (FINISHED, ERROR, ...) and {@code results}. */
    JsonNode note(String noteId) throws IOException {
        return call(request("/api/notebook/" + noteId).GET());
    }

    /** Runs one paragraph with its paragraph forms set to {@code forms}; returns {@code {code, msg}}. */
    JsonNode runParagraph(String noteId, String paragraphId, Map<String, String> forms) throws IOException {
        String body = JSON.writeValueAsString(Map.of("params", forms));
        return call(post("/api/notebook/run/" + noteId + "/" + paragraphId, body));
    }

    /** Where a user opens the note in Zeppelin's web UI. */
    String noteUrl(String noteId) {
        return base.resolve("/#/notebook/" + noteId).toString();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(RUN_TIMEOUT);
    }

    private HttpRequest.Builder post(String path, String json) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private JsonNode call(HttpRequest.Builder request) throws IOException {
        HttpRequest r = request.build();
        HttpResponse<String> response;
        try {
            response = http.send(r, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IOException("no Zeppelin answers at " + base + " (" + r.method() + " " + r.uri().getPath() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + r.method() + " " + r.uri(), e);
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IOException(r.method() + " " + r.uri() + ": HTTP " + response.statusCode()
                    + ", not a Zeppelin answer: " + response.body().lines().findFirst().orElse(""), e);
        }
        if (!answer.path("status").asText().equals("OK")) {
            String message = answer.path("message").asText(response.body());
            throw new IOException(r.method() + " " + r.uri() + ": HTTP " + response.statusCode() + ": "
                    + message.lines().findFirst().orElse(""));
        }
        return answer.path("body");
    }
}
