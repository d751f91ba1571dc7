package org.coopledger.api.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated request, sent exactly as built: the fuzzer sets the Authorization header
 * itself, so that it can also send broken ones.
 *
 * @param label  what was spoiled, for the failure message and the summary
 * @param write  whether the endpoint changes the ledger; a write must never succeed
 */
record FuzzRequest(String label, String method, String path, Map<String, String> headers, byte[] body,
                   boolean chunked, boolean write) {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    FuzzRequest {
        headers = new LinkedHashMap<>(headers);
    }

    /** This request with {@code text} as its body and {@code contentType}. */
    FuzzRequest withBody(String text, String contentType) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put("Content-Type", contentType);
        return new FuzzRequest(label, method, path, more, text.getBytes(StandardCharsets.UTF_8), chunked, write);
    }

    /** This request with {@code value} as its JSON body. */
    FuzzRequest withJson(Object value) {
        try {
            return withBody(JSON.writeValueAsString(value), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The answer: status, content type and body; status -1 when the server closed the connection. */
    record Answer(int status, String contentType, String body) {
    }

    /**
     * Sends on the shared client's pooled connections. When the connection turns out to be one the
     * server had already closed (Tomcat closes after some refusals, e.g. a header too large), the
     * client gets "no bytes" before the request was read: that says nothing about the ledger, so
     * the request is sent once more on a connection of its own, as an HTTP client library would.
     * A second failure is reported.
     */
    Answer send(int port) {
        try {
            return send(port, HTTP);
        } catch (UncheckedIOException e) {
            if (!(e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("received no bytes"))) {
                throw e;
            }
            HttpClient fresh = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            return send(port, fresh);
        }
    }

    private Answer send(int port, HttpClient http) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, publisher);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(describe() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request for a failure message: never the credentials, the body cut to 300 characters. */
    String describe() {
        String text = body == null ? "<none>" : new String(body, StandardCharsets.UTF_8);
        if (text.length() > 300) {
            text = text.substring(0, 300) + "…(" + body.length + " bytes)";
        }
        Map<String, String> shown = new LinkedHashMap<>();
        headers.forEach((name, value) -> shown.put(name, "Authorization".equalsIgnoreCase(name) ? "<redacted>"
                : value.length() > 80 ? value.substring(0, 80) + "…(" + value.length() + ")" : value));
        return "[" + label + "] " + method + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path)
                + " headers=" + shown + " body=" + text;
    }
}
