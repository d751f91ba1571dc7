package org.coopledger.api.savings;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Jackson turns a JSON number into a String even with scalar coercion off, so the amount's
 * own deserializer is what keeps {@code 125.5} (a number some client already parsed as binary
 * floating point) out of the ledger.
 */
class MoneyRequestJsonTest {

    final ObjectMapper mapper = JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();

    @Test
    void anAmountStringIsReadAsIs() throws Exception {
        MoneyRequest request = mapper.readValue("{\"amount\":\"125.50\",\"currency\":\"JOD\"}", MoneyRequest.class);

        assertThat(request.amount()).isEqualTo("125.50");
        assertThat(request.positive().getAmount()).isEqualByComparingTo("125.50");
    }

    @Test
    void anAmountNumberIsRefused() {
        assertThatThrownBy(() -> mapper.readValue("{\"amount\":125.5,\"currency\":\"JOD\"}", MoneyRequest.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> mapper.readValue("{\"amount\":125,\"currency\":\"JOD\"}", MoneyRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
