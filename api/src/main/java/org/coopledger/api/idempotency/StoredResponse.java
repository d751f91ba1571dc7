package org.coopledger.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/**
 * A successful answer as kept for replay: status, Location and the JSON body exactly as first
 * sent. The first answer is built from this too, so that a replay is byte for byte the same.
 * Other headers of the action's response are not kept.
 *
 * @param status   a 2xx status code
 * @param body     the JSON text, or null for an answer without body
 * @param location the Location header, or null
 */
record StoredResponse(int status, String body, String location) {

    /** Sent on replays, so a client can tell that nothing was executed this time. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    static StoredResponse of(ResponseEntity<?> response, ObjectMapper mapper) {
        String body;
        try {
            body = response.getBody() == null ? null : mapper.writeValueAsString(response.getBody());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the response of an idempotent request is not serializable", e);
        }
        String location = response.getHeaders().getLocation() == null
                ? null
                : response.getHeaders().getLocation().toString();
        return new StoredResponse(response.getStatusCode().value(), body, location);
    }

    ResponseEntity<Object> toResponseEntity(boolean replayed) {
        HttpHeaders headers = new HttpHeaders();
        if (location != null) {
            headers.set(HttpHeaders.LOCATION, location);
        }
        if (replayed) {
            headers.set(REPLAYED_HEADER, "true");
        }
        if (body == null) {
            return new ResponseEntity<>(headers, HttpStatusCode.valueOf(status));
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(body.getBytes(StandardCharsets.UTF_8), headers, HttpStatusCode.valueOf(status));
    }
}
