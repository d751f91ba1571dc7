package org.coopledger.api.savings;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import org.coopledger.core.money.MoneyParser;
import org.joda.money.Money;

import java.io.IOException;

/**
 * An amount as clients send it, {@code {"amount": "125.50", "currency": "JOD"}}, turned into
 * {@link Money} only by {@link MoneyParser}. The amount must be a JSON string: a JSON number
 * has already passed through a binary floating-point parse in many clients, so it is refused
 * as malformed rather than trusted.
 */
public record MoneyRequest(@JsonDeserialize(using = DecimalString.class) String amount, String currency) {

    public Money positive() {
        return MoneyParser.parsePositive(amount, currency);
    }

    public Money nonNegative() {
        return MoneyParser.parseNonNegative(amount, currency);
    }

    static final class DecimalString extends StdScalarDeserializer<String> {

        DecimalString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                return p.getText();
            }
            return (String) ctxt.handleUnexpectedToken(String.class, p);
        }
    }
}
