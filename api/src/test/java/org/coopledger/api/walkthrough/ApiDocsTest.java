package org.coopledger.api.walkthrough;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description that client writers start from is served and describes the contract. */
class ApiDocsTest extends IntegrationTest {

    @Test
    void theOpenApiDescriptionListsTheLedgerEndpointsWithBasicAuth() {
        LedgerClient.Response docs = LedgerClient.anonymous(port).get("/v3/api-docs").hasStatus(200);
        JsonNode json = docs.json();

        assertThat(json.path("openapi").asText()).startsWith("3.");
        assertThat(json.path("info").path("title").asText()).isEqualTo("coopledger API");
        assertThat(json.path("paths").has("/api/v1/members")).isTrue();
        assertThat(json.path("paths").has("/api/v1/savings-accounts/{accountId}/deposits")).isTrue();
        assertThat(json.path("paths").has("/api/v1/transfers")).isTrue();
        assertThat(json.path("paths").has("/api/v1/me")).isTrue();
        assertThat(json.path("paths").has("/api/v1/reports/trial-balance")).isTrue();
        assertThat(json.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText())
                .isEqualTo("basic");
    }

    @Test
    void moneyIsDescribedAsADecimalStringAmountAndACurrencyCode() {
        JsonNode schemas = LedgerClient.anonymous(port).get("/v3/api-docs").hasStatus(200).json()
                .path("components").path("schemas");

        JsonNode posting = schemas.path("PostingResponse").path("properties");
        assertThat(posting.path("balance").toString()).contains("amount").contains("currency");
        assertThat(posting.path("balance").path("properties").path("amount").path("type").asText()).isEqualTo("string");
    }

    @Test
    void swaggerUiIsServed() {
        LedgerClient anonymous = LedgerClient.anonymous(port);

        LedgerClient.Response entry = anonymous.call("GET", "/swagger-ui.html").accept("text/html").send();
        LedgerClient.Response page = anonymous.call("GET", "/swagger-ui/index.html").accept("text/html").send();

        assertThat(entry.status()).isEqualTo(302);
        assertThat(entry.header("Location")).contains("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
    }
}
