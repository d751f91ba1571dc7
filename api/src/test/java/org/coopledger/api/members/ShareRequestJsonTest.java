package org.coopledger.api.members;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Jackson would truncate 2.5 shares to 2 even with scalar coercion off; the share count refuses it. */
class ShareRequestJsonTest {

    final ObjectMapper mapper = JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();

    @Test
    void aWholeNumberOfSharesIsRead() throws Exception {
        assertThat(mapper.readValue("{\"shares\":3}", ShareRequest.class).shares()).isEqualTo(3);
    }

    @Test
    void fractionsStringsAndHugeNumbersAreRefused() {
        for (String json : new String[]{"{\"shares\":2.5}", "{\"shares\":\"2\"}", "{\"shares\":4294967297}"}) {
            assertThatThrownBy(() -> mapper.readValue(json, ShareRequest.class)).as(json)
                    .isInstanceOf(MismatchedInputException.class);
        }
    }
}
