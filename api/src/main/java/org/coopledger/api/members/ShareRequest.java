package org.coopledger.api.members;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.io.IOException;

/**
 * Body of a share purchase or redemption.
 *
 * @param shares a whole number of shares; 2.5 is refused as malformed, never truncated to 2
 */
public record ShareRequest(@NotNull @Min(1) @Max(100_000) @JsonDeserialize(using = WholeNumber.class) Integer shares,
                           @Size(max = 64) String tillId) {

    /** Jackson would otherwise accept a fraction for an int and drop the decimals. */
    static final class WholeNumber extends StdScalarDeserializer<Integer> {

        WholeNumber() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_NUMBER_INT) && p.getNumberType() == JsonParser.NumberType.INT) {
                return p.getIntValue();
            }
            return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
        }
    }
}
