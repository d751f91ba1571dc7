package org.coopledger.api.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.coopledger.core.money.MoneyModule;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTest {

    private final ObjectMapper mapper = JsonMapper.builder().addModule(new MoneyModule()).build();
    private final RequestFingerprint fingerprint = new RequestFingerprint(mapper);

    record Deposit(Money amount, String reference, Map<String, Object> extra) {
    }

    @Test
    void keyOrderDoesNotMatterAtAnyDepth() throws Exception {
        Object one = mapper.readTree("{\"a\": 1, \"b\": {\"x\": [1, {\"p\": true, \"q\": null}], \"y\": \"s\"}}");
        Object other = mapper.readTree("{\"b\":{\"y\":\"s\",\"x\":[1,{\"q\":null,\"p\":true}]},\"a\":1}");

        assertThat(fingerprint.of("POST", "/p", one)).isEqualTo(fingerprint.of("POST", "/p", other));
        assertThat(fingerprint.canonicalJson(other)).isEqualTo("{\"a\":1,\"b\":{\"x\":[1,{\"p\":true,\"q\":null}],\"y\":\"s\"}}");
    }

    @Test
    void aRecordAndAMapWithTheSameFieldsAreTheSameRequest() {
        Money amount = Money.of(CurrencyUnit.of("JOD"), new BigDecimal("125.500"));
        Map<String, Object> asMap = new LinkedHashMap<>();
        asMap.put("reference", "r-1");
        asMap.put("extra", Map.of("z", 1, "a", 2));
        asMap.put("amount", Map.of("currency", "JOD", "amount", "125.500"));

        assertThat(fingerprint.of("POST", "/p", new Deposit(amount, "r-1", Map.of("a", 2, "z", 1))))
                .isEqualTo(fingerprint.of("POST", "/p", asMap));
    }

    @Test
    void anyDifferenceInValueMethodOrPathIsAnotherRequest() {
        Map<String, Object> body = Map.of("amount", "10.00", "list", List.of(1, 2));
        String base = fingerprint.of("POST", "/api/v1/a/deposits", body);

        assertThat(base).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(fingerprint.of("POST", "/api/v1/a/deposits", Map.of("amount", "10.000", "list", List.of(1, 2))))
                .isNotEqualTo(base);
        assertThat(fingerprint.of("POST", "/api/v1/a/deposits", Map.of("amount", "10.00", "list", List.of(2, 1))))
                .isNotEqualTo(base);
        assertThat(fingerprint.of("PATCH", "/api/v1/a/deposits", body)).isNotEqualTo(base);
        assertThat(fingerprint.of("POST", "/api/v1/b/deposits", body)).isNotEqualTo(base);
        assertThat(fingerprint.of("POST", "/api/v1/a/deposits", body)).isEqualTo(base);
    }

    @Test
    void aMissingBodyHasAFingerprintToo() {
        assertThat(fingerprint.of("POST", "/p", null)).isEqualTo(fingerprint.of("POST", "/p", null))
                .isNotEqualTo(fingerprint.of("POST", "/q", null));
    }
}
