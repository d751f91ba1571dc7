package org.coopledger.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger's HTTP API as a teller's client calls it: HTTP/1.1 keep-alive connections, HTTP
 * Basic, JSON bodies. One pool of connections ({@link Http11}) is shared by all benchmark
 * clients; each request runs on its caller's thread.
 */
public final class LedgerHttp {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCEPT_JSON = "application/json, application/problem+json";

    private final Http11 http;
    private final String authorization;

    private LedgerHttp(Http11 http, String authorization) {
        this.http = http;
        this.authorization = authorization;
    }

    public static LedgerHttp connect(URI base) {
        return new LedgerHttp(new Http11(base, CONNECT_TIMEOUT, REQUEST_TIMEOUT), null);
    }

    public LedgerHttp as(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new LedgerHttp(http, "Basic " + token);
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return get(path, ACCEPT_JSON);
    }

    /** A GET asking for {@code accept} (e.g. {@code text/csv}) instead of JSON. */
    public Reply get(String path, String accept) throws IOException, InterruptedException {
        return send("GET", path, headers(accept), null);
    }

    /** @param idempotencyKey null for requests that take none */
    public Reply post(String path, String json, String idempotencyKey) throws IOException, InterruptedException {
        Map<String, String> headers = headers(ACCEPT_JSON);
        headers.put("Content-Type", "application/json");
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        return send("POST", path, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, String> headers(String accept) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", accept);
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return headers;
    }

    private Reply send(String method, String path, Map<String, String> headers, byte[] body)
            throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Http11.Answer answer = http.exchange(method, path, headers, body);
        return new Reply(answer.status(), answer.body());
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
