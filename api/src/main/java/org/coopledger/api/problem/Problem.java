package org.coopledger.api.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One RFC 9457 answer before it is rendered: status, stable code, a detail for humans and, for
 * validation failures, field → message. The {@code type} URI names the code and is never
 * fetched; the {@code title} is the same for every occurrence of a code.
 *
 * @param status HTTP status
 * @param code   stable machine-readable code (an {@link ApiErrorCode} or a domain ErrorCode name)
 * @param detail human-readable explanation; never personal data or a secret
 * @param errors field → message; empty unless the request failed validation
 */
public record Problem(HttpStatus status, String code, String detail, Map<String, String> errors) {

    static final String TYPE_BASE = "https://coopledger.org/problems/";

    public Problem {
        errors = Collections.unmodifiableMap(new TreeMap<>(errors));
    }

    public static Problem of(ApiErrorCode code, String detail) {
        return new Problem(code.status(), code.name(), detail, Map.of());
    }

    public static Problem of(ApiErrorCode code, String detail, Map<String, String> errors) {
        return new Problem(code.status(), code.name(), detail, errors);
    }

    public static Problem unauthenticated() {
        return of(ApiErrorCode.UNAUTHENTICATED, "valid credentials are required");
    }

    public static Problem forbidden() {
        return of(ApiErrorCode.FORBIDDEN, "your role does not allow this request");
    }

    public static Problem payloadTooLarge() {
        return of(ApiErrorCode.PAYLOAD_TOO_LARGE,
                "the request body is larger than " + RequestSizeLimitFilter.MAX_BODY_BYTES / 1024 + " KB");
    }

    /** Seconds a client should wait before retrying a 503; an outage of the database is rarely shorter. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public static Problem databaseUnavailable() {
        return of(ApiErrorCode.DATABASE_UNAVAILABLE,
                "the ledger's database is not reachable; send the request again later with the same Idempotency-Key");
    }

    public static URI typeOf(String code) {
        return URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** {@code INSUFFICIENT_FUNDS} → {@code Insufficient funds}. */
    public static String titleOf(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The request path as a problem's {@code instance}; null when the path is no valid URI. */
    public static URI instanceOf(String requestUri) {
        try {
            return requestUri == null ? null : URI.create(requestUri);
        } catch (IllegalArgumentException unparsable) {
            return null;
        }
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(typeOf(code));
        body.setTitle(titleOf(code));
        body.setProperty("code", code);
        if (!errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return body;
    }

    /** The problem as a response with its content type fixed, so no Accept header can turn it into a 406. */
    public ResponseEntity<Object> toResponseEntity(HttpHeaders headers) {
        HttpHeaders all = new HttpHeaders();
        all.addAll(headers);
        all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            all.set(HttpHeaders.WWW_AUTHENTICATE, ProblemWriter.BASIC_CHALLENGE);
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            all.set(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        }
        return new ResponseEntity<>(toProblemDetail(), all, status);
    }

    public ResponseEntity<Object> toResponseEntity() {
        return toResponseEntity(HttpHeaders.EMPTY);
    }
}
