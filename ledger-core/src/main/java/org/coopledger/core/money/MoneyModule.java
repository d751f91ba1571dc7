package org.coopledger.core.money;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.io.IOException;
import java.math.BigDecimal;

/**
 * Jackson mapping of Joda {@link Money} as {@code {"amount": "125.50", "currency": "JOD"}},
 * the amount a decimal string with exactly the currency's scale. Used both for stored events
 * and for the HTTP API, so that an amount looks the same everywhere.
 */
public class MoneyModule extends SimpleModule {

    public MoneyModule() {
        super("coopledger-money");
        addSerializer(Money.class, new Serializer());
        addDeserializer(Money.class, new Deserializer());
        addSerializer(CurrencyUnit.class, new CurrencySerializer());
        addDeserializer(CurrencyUnit.class, new CurrencyDeserializer());
    }

    static final class CurrencySerializer extends JsonSerializer<CurrencyUnit> {
        @Override
        public void serialize(CurrencyUnit value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.getCode());
        }
    }

    static final class CurrencyDeserializer extends JsonDeserializer<CurrencyUnit> {
        @Override
        public CurrencyUnit deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return MoneyParser.currency(p.getValueAsString());
        }
    }

    static final class Serializer extends JsonSerializer<Money> {
        @Override
        public void serialize(Money value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeStartObject();
            gen.writeStringField("amount", value.getAmount().toPlainString());
            gen.writeStringField("currency", value.getCurrencyUnit().getCode());
            gen.writeEndObject();
        }
    }

    /**
     * Reads stored amounts back exactly. Zero and negative values are legal here (a balance
     * can be zero); the strict positive-amount rules apply to requests via {@link MoneyParser}.
     */
    static final class Deserializer extends JsonDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonNode node = p.getCodec().readTree(p);
            JsonNode amount = node.get("amount");
            JsonNode currency = node.get("currency");
            if (amount == null || currency == null || !amount.isTextual() || !currency.isTextual()) {
                return (Money) ctxt.handleUnexpectedToken(Money.class, p);
            }
            CurrencyUnit unit = MoneyParser.currency(currency.asText());
            return Money.of(unit, new BigDecimal(amount.asText()));
        }
    }
}
