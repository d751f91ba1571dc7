package org.coopledger.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes two requests "the same" for an Idempotency-Key: method, path and the request as
 * canonical JSON (object keys sorted at every depth, no whitespace), hashed with SHA-256. Key
 * order and formatting of the client's JSON do not matter; any difference in a value does. Only
 * the hash is stored, never the request, which may hold personal data.
 */
final class RequestFingerprint {

    private final ObjectMapper mapper;

    RequestFingerprint(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** 64 lower-case hex characters. */
    String of(String method, String path, Object request) {
        String canonical = canonicalJson(request);
        byte[] input = (method + ' ' + path + '\n' + canonical).getBytes(StandardCharsets.UTF_8);
        return HexFormat.of().formatHex(sha256(input));
    }

    String canonicalJson(Object request) {
        JsonNode tree = request == null ? NullNode.getInstance() : mapper.valueToTree(request);
        try {
            return mapper.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(sorted(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree built by Jackson can be written by Jackson", e);
        }
    }

    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            ObjectNode sorted = mapper.createObjectNode();
            for (String name : names) {
                sorted.set(name, sorted(node.get(name)));
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode sorted = mapper.createArrayNode();
            node.forEach(element -> sorted.add(sorted(element)));
            return sorted;
        }
        return node;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
