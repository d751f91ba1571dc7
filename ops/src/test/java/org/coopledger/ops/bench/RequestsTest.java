package org.coopledger.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class RequestsTest {

    private final Requests requests = new Requests(List.of("a-1", "a-2"));
    private final SplittableRandom random = new SplittableRandom(1);

    @Test
    void amountsAreDecimalStringsWithTwoPlaces() {
        assertThat(Requests.amount(100)).isEqualTo("1.00");
        assertThat(Requests.amount(10_000)).isEqualTo("100.00");
        assertThat(Requests.amount(1_205)).isEqualTo("12.05");
    }

    @Test
    void aTransferNeverGoesToItsOwnSourceAndCarriesAKey() throws Exception {
        for (int i = 0; i < 100; i++) {
            Requests.Request transfer = requests.next(OperationKind.TRANSFER, random);
            JsonNode body = new ObjectMapper().readTree(transfer.json());
            assertThat(body.get("fromAccountId").asText()).isNotEqualTo(body.get("toAccountId").asText());
            assertThat(body.at("/amount/amount").isTextual()).isTrue();
            assertThat(transfer.key()).startsWith("bench-");
        }
    }

    @Test
    void readsHaveNoBodyAndNoKey() {
        Requests.Request balance = requests.next(OperationKind.BALANCE, random);
        assertThat(balance.post()).isFalse();
        assertThat(balance.key()).isNull();
        assertThat(balance.path()).matches("/api/v1/savings-accounts/a-[12]/balance");
    }
}
