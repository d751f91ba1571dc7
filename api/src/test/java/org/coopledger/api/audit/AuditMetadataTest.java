package org.coopledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event written through the API says who acted, in which role, in which request and channel. */
class AuditMetadataTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyEventOfATellersWorkCarriesTheTellerTheRequestAndTheChannel() {
        LedgerClient teller = LedgerClient.admin(port).newUser("TELLER")
                .withHeader("X-Client-Channel", "teller-desk")
                .withHeader("X-Correlation-Id", "branch-7:queue-42");
        String memberId = teller.post("/api/v1/members", Map.of("legalName", "Audit Member", "dateOfBirth",
                "1988-08-08", "gender", "FEMALE", "phone", "+2567000001", "countryOfOrigin", "CD",
                "address", "Kampala", "segment", "REFUGEE", "document", Map.of("type", "NONE_YET"),
                "branch", "KLA")).hasStatus(201).text("memberId");
        LedgerClient.Response opened = teller.post("/api/v1/savings-accounts",
                Map.of("memberId", memberId, "currency", "UGX")).hasStatus(201);
        String accountId = opened.text("accountId");
        teller.post("/api/v1/savings-accounts/" + accountId + "/deposits",
                Map.of("amount", Map.of("amount", "50000", "currency", "UGX")), LedgerClient.newKey()).hasStatus(201);

        List<JsonNode> metadata = metadataOf(memberId, accountId);
        assertThat(metadata).hasSize(4); // registered, account opened on member and account, deposit
        assertThat(metadata).allSatisfy(m -> {
            assertThat(m.path(AuditMetadata.USER).asText()).isEqualTo(teller.username());
            assertThat(m.path(AuditMetadata.ROLES).asText()).isEqualTo("TELLER");
            assertThat(m.path(AuditMetadata.CHANNEL).asText()).isEqualTo("teller-desk");
            assertThat(m.path(AuditMetadata.CLIENT_CORRELATION_ID).asText()).isEqualTo("branch-7:queue-42");
            assertThat(m.path(AuditMetadata.REQUEST_ID).asText()).hasSize(36);
            assertThat(m.path("correlationId").asText()).isNotBlank();
        });
        assertThat(opened.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void aHostileCorrelationHeaderIsNotStoredAndTheChannelDefaultsToApi() {
        LedgerClient teller = LedgerClient.admin(port).newUser("TELLER")
                .withHeader("X-Correlation-Id", "<script>alert(1)</script>");
        String memberId = teller.post("/api/v1/members", Map.of("legalName", "Header Member", "dateOfBirth",
                "1988-08-08", "gender", "MALE", "phone", "+2567000002", "countryOfOrigin", "CD",
                "address", "Kampala", "segment", "REFUGEE", "document", Map.of("type", "NONE_YET"),
                "branch", "KLA")).hasStatus(201).text("memberId");

        JsonNode metadata = metadataOf(memberId).get(0);
        assertThat(metadata.has(AuditMetadata.CLIENT_CORRELATION_ID)).isFalse();
        assertThat(metadata.path(AuditMetadata.CHANNEL).asText()).isEqualTo("api");
    }

    private List<JsonNode> metadataOf(String... aggregateIds) {
        return jdbc.query("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ANY (?) ORDER BY global_index",
                (rs, i) -> parse(rs.getBytes(1)), (Object) aggregateIds);
    }

    private static JsonNode parse(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
