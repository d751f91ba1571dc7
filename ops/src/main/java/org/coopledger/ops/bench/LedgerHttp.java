package org.coopledger.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The ledger's HTTP API as a teller's client calls it: HTTP/1.1 keep-alive connections, HTTP
 * Basic, JSON bodies. One {@link HttpClient} is shared by all benchmark clients: its single
 * selector thread costs less CPU on a small machine than one per client.
 */
public final class LedgerHttp {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final String authorization;

    private LedgerHttp(HttpClient http, URI base, String authorization) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
    }

    public static LedgerHttp connect(URI base) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new LedgerHttp(http, base, null);
    }

    public LedgerHttp as(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new LedgerHttp(http, base, "Basic " + token);
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** A GET asking for {@code accept} (e.g. {@code text/csv}) instead of JSON. */
    public Reply get(String path, String accept) throws IOException, InterruptedException {
        return send(request(path).setHeader("Accept", accept).GET());
    }

    /** @param idempotencyKey null for requests that take none */
    public Reply post(String path, String json, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.body());
    }

    /** A status and its body; the body is parsed only when someone asks. */
    public record Reply(int status, byte[] body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("answer " + status + " is not JSON", e);
            }
        }

        /** The problem-details {@code code}, or null when the body carries none. */
        public String problemCode() {
            if (ok() || body.length == 0) {
                return null;
            }
            try {
                JsonNode code = JSON.readTree(body).path("code");
                return code.isTextual() ? code.asText() : null;
            } catch (IOException notJson) {
                return null;
            }
        }

        public String text(String field) {
            JsonNode value = json().path(field);
            if (!value.isTextual()) {
                throw new IllegalStateException("answer " + status + " has no field " + field);
            }
            return value.asText();
        }

        public Outcome outcome() {
            return Outcome.ofStatus(status, problemCode());
        }
    }
}
