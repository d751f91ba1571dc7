package org.coopledger.api.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's HTTP API as integration tests call it: real HTTP over {@link HttpClient}, HTTP
 * Basic, JSON in and out via Jackson. Immutable; {@link #as}, {@link #anonymous} and
 * {@link #withHeader} answer new clients.
 *
 * <pre>{@code
 * LedgerClient admin = LedgerClient.admin(port);
 * LedgerClient teller = admin.newUser("TELLER");
 * LedgerClient.Response r = teller.post("/api/v1/members", body, LedgerClient.newKey()).hasStatus(201);
 * String id = r.text("memberId");
 * teller.get("/api/v1/members/" + id).hasStatus(200);
 * teller.call("POST", path).header("Idempotency-Key", key).rawBody("{oops", "application/json").send()
 *       .isProblem(400, "MALFORMED_REQUEST");
 * }</pre>
 */
public final class LedgerClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final String username;
    private final String password;
    private final Map<String, String> headers;

    private LedgerClient(int port, String username, String password, Map<String, String> headers) {
        this.port = port;
        this.username = username;
        this.password = password;
        this.headers = Map.copyOf(headers);
    }

    /** A client without credentials. */
    public static LedgerClient anonymous(int port) {
        return new LedgerClient(port, null, null, Map.of());
    }

    /** The bootstrap admin of {@link IntegrationTest}. */
    public static LedgerClient admin(int port) {
        return anonymous(port).as("admin", IntegrationTest.ADMIN_PASSWORD);
    }

    /** A fresh Idempotency-Key. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** The ObjectMapper the client uses, for building or reading bodies in tests. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** This client calling with other credentials. */
    public LedgerClient as(String username, String password) {
        return new LedgerClient(port, username, password, headers);
    }

    /** This client calling without credentials. */
    public LedgerClient anonymous() {
        return new LedgerClient(port, null, null, headers);
    }

    /** This client sending {@code name: value} with every request. */
    public LedgerClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new LedgerClient(port, username, password, more);
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /**
     * Creates a user with a random name and password through {@code POST /api/v1/users} (this
     * client must be an ADMIN) and answers a client logged in as that user.
     */
    public LedgerClient newUser(String... roles) {
        return createUser(roles[0].toLowerCase() + "-" + shortId(), List.of(roles), null);
    }

    /** A new MEMBER user bound to {@code memberId}. */
    public LedgerClient newMemberUser(String memberId) {
        return createUser("member-" + shortId(), List.of("MEMBER"), memberId);
    }

    /** Creates the user, asserting 201, and answers a client logged in as it. */
    public LedgerClient createUser(String newUsername, List<String> roles, String memberId) {
        String newPassword = "pw-" + UUID.randomUUID();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", newUsername);
        body.put("password", newPassword);
        body.put("roles", roles);
        if (memberId != null) {
            body.put("memberId", memberId);
        }
        post("/api/v1/users", body).hasStatus(201);
        return as(newUsername, newPassword);
    }

    public Response get(String path) {
        return call("GET", path).send();
    }

    /** POST with a JSON body ({@code null} for none). */
    public Response post(String path, Object body) {
        return call("POST", path).json(body).send();
    }

    /** POST with a JSON body and an Idempotency-Key. */
    public Response post(String path, Object body, String idempotencyKey) {
        return call("POST", path).json(body).header("Idempotency-Key", idempotencyKey).send();
    }

    public Response put(String path, Object body) {
        return call("PUT", path).json(body).send();
    }

    public Response patch(String path, Object body) {
        return call("PATCH", path).json(body).send();
    }

    public Response delete(String path) {
        return call("DELETE", path).send();
    }

    /** A request to build further: headers, a JSON or raw body, then {@link Call#send()}. */
    public Call call(String method, String path) {
        return new Call(method, path);
    }

    /** One request under construction. */
    public final class Call {

        private final String method;
        private final String path;
        private final Map<String, String> callHeaders = new LinkedHashMap<>(headers);
        private byte[] body;
        private boolean chunked;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call header(String name, String value) {
            callHeaders.put(name, value);
            return this;
        }

        public Call accept(String mediaType) {
            return header("Accept", mediaType);
        }

        /** {@code value} as JSON (a Map, a record, a JsonNode...); {@code null} sends no body. */
        public Call json(Object value) {
            if (value == null) {
                body = null;
                return this;
            }
            try {
                body = JSON.writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("test body is not serializable", e);
            }
            callHeaders.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        /** The body exactly as given, e.g. malformed JSON. */
        public Call rawBody(String text, String contentType) {
            return rawBody(text.getBytes(StandardCharsets.UTF_8), contentType);
        }

        public Call rawBody(byte[] bytes, String contentType) {
            body = bytes.clone();
            callHeaders.put("Content-Type", contentType);
            return this;
        }

        /** Sends the body without Content-Length (chunked), as streaming clients do. */
        public Call chunked() {
            chunked = true;
            return this;
        }

        private HttpRequest.BodyPublisher publisher() {
            if (body == null) {
                return HttpRequest.BodyPublishers.noBody();
            }
            HttpRequest.BodyPublisher bytes = HttpRequest.BodyPublishers.ofByteArray(body);
            return chunked ? HttpRequest.BodyPublishers.fromPublisher(bytes) : bytes;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(TIMEOUT)
                    .method(method, publisher());
            callHeaders.putIfAbsent("Accept", "application/json, application/problem+json");
            callHeaders.forEach(request::header);
            if (username != null) {
                String credentials = username + ":" + password;
                request.header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            try {
                HttpResponse<String> response = HTTP.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during " + method + " " + path, e);
            }
        }
    }

    /**
     * One answer. Assertions return the response, so they chain:
     * {@code client.get(p).hasStatus(200).text("memberId")}.
     */
    public static final class Response {

        private final int status;
        private final HttpHeaders headers;
        private final String body;
        private JsonNode json;

        Response(int status, HttpHeaders headers, String body) {
            this.status = status;
            this.headers = headers;
            this.body = body == null ? "" : body;
        }

        public int status() {
            return status;
        }

        /** The raw body text (CSV, or JSON before parsing). */
        public String body() {
            return body;
        }

        public HttpHeaders headers() {
            return headers;
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The body as JSON; a MissingNode for an empty body. Fails the test if the body is not JSON. */
        public JsonNode json() {
            if (json == null) {
                try {
                    json = body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
                } catch (JsonProcessingException e) {
                    throw new AssertionError("status " + status + ", body is not JSON: " + body, e);
                }
            }
            return json;
        }

        /** A top-level field as text; "" when absent. */
        public String text(String field) {
            return json().path(field).asText();
        }

        /** The decimal string of a money field: {@code "125.500"} for {@code {"amount":"125.500",...}}. */
        public String amount(String moneyField) {
            return json().path(moneyField).path("amount").asText();
        }

        /** The problem's code, or "" when this is no problem. */
        public String code() {
            return text("code");
        }

        public Response hasStatus(int expected) {
            assertThat(status).as("status of the answer %s", body).isEqualTo(expected);
            return this;
        }

        /** An RFC 9457 problem with this status: content type, {@code status}, {@code type}, {@code title} and a code. */
        public Response isProblem(int expectedStatus) {
            hasStatus(expectedStatus);
            assertThat(contentType()).as("content type of %s", body).startsWith("application/problem+json");
            assertThat(json().path("status").asInt()).as("status field of %s", body).isEqualTo(expectedStatus);
            assertThat(json().path("type").asText()).as("type of %s", body).startsWith("https://");
            assertThat(json().path("title").asText()).as("title of %s", body).isNotBlank();
            assertThat(code()).as("code of %s", body).isNotBlank();
            return this;
        }

        public Response isProblem(int expectedStatus, String expectedCode) {
            isProblem(expectedStatus);
            assertThat(code()).as("code of %s", body).isEqualTo(expectedCode);
            return this;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
