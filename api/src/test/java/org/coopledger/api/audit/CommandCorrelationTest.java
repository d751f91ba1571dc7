package org.coopledger.api.audit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CommandCorrelationTest {

    private final CommandCorrelation provider = new CommandCorrelation(new SimpleCorrelationDataProvider(AuditMetadata.USER));

    @Test
    void aCommandPassesItsAuditKeysOn() {
        CommandMessage<String> command = new GenericCommandMessage<>("deposit")
                .andMetaData(Map.of(AuditMetadata.USER, "teller-1", "unrelated", "x"));

        assertThat(provider.correlationDataFor(command)).isEqualTo(Map.of(AuditMetadata.USER, "teller-1"));
    }

    /** A projection handling a replayed event must not pay for deserializing its metadata. */
    @Test
    void anEventPassesNothingOnAndItsMetadataIsNotRead() {
        EventMessage<String> event = new GenericEventMessage<>("deposited", Map.of(AuditMetadata.USER, "teller-1")) {
            @Override
            public MetaData getMetaData() {
                throw new AssertionError("the event's metadata was read");
            }
        };

        assertThat(provider.correlationDataFor(event)).isEmpty();
    }
}
