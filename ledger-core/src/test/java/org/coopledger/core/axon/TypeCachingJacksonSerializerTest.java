package org.coopledger.core.axon;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's serializer answers as Axon's does, however often and in whatever order it is asked. */
class TypeCachingJacksonSerializerTest {

    private final JacksonSerializer axons = JacksonSerializer.builder().objectMapper(LedgerObjectMapper.create()).build();
    private final TypeCachingJacksonSerializer ours = TypeCachingJacksonSerializer.on(LedgerObjectMapper.create());

    /** Every event the aggregates apply, three times over in a random order: each reads back as with Axon's. */
    @Test
    void everyStoredEventReadsBackAsWithAxonsSerializer() {
        List<Object> events = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            events.addAll(StoredEventFormatTest.everyEvent().toList());
        }
        Collections.shuffle(events, new Random(20261130));

        for (Object event : events) {
            SerializedObject<byte[]> stored = axons.serialize(event, byte[].class);

            Object read = ours.deserialize(stored);

            assertThat(read).isEqualTo(axons.deserialize(stored)).isEqualTo(event);
            assertThat(ours.classForType(stored.getType())).isEqualTo(event.getClass());
        }
    }

    /** Class names, names of no class and the empty type, each asked twice. */
    @Property(tries = 300)
    void aTypeNameResolvesAsAxonResolvesIt(@ForAll("typeNames") List<SerializedType> types) {
        for (SerializedType type : types) {
            Class<?> expected = axons.classForType(type);
            assertThat(ours.classForType(type)).isEqualTo(expected);
            assertThat(ours.classForType(type)).isEqualTo(expected);
        }
    }

    @Provide
    Arbitrary<List<SerializedType>> typeNames() {
        List<String> known = StoredEventFormatTest.everyEvent().map(event -> event.getClass().getName()).toList();
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of(known),
                Arbitraries.of("java.lang.String", "java.math.BigDecimal", "org.joda.money.Money", "[B", "int"),
                Arbitraries.of(known).map(name -> name + "Gone"),
                Arbitraries.strings().withChars("abcXYZ.$_1").ofMinLength(1).ofMaxLength(20));
        Arbitrary<SerializedType> types = Arbitraries.oneOf(
                names.map(name -> new SimpleSerializedType(name, null)),
                names.map(name -> new SimpleSerializedType(name, "1")),
                Arbitraries.just(SerializedType.emptyType()));
        return types.list().ofMinSize(1).ofMaxSize(20);
    }
}
