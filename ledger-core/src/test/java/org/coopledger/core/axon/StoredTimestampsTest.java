package org.coopledger.core.axon;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event table's time stamps read as Axon reads them, whatever the text. */
class StoredTimestampsTest {

    /** From year 1 to year 9999, to the millisecond: the text Axon writes is then always 24 characters. */
    @Property(tries = 2_000)
    void everyTimeStampAxonWritesIsReadAsAxonReadsIt(
            @ForAll @LongRange(min = -62_135_596_800_000L, max = 253_402_300_799_999L) long epochMilli) {
        String stored = DateTimeUtils.formatInstant(Instant.ofEpochMilli(epochMilli));

        assertThat(StoredTimestamps.parse(stored)).isEqualTo(Instant.ofEpochMilli(epochMilli))
                .isEqualTo(DateTimeUtils.parseInstant(stored));
    }

    @Property(tries = 2_000)
    void anyOtherTextGetsAxonsAnswerOrItsRefusal(@ForAll("almostStamps") String text) {
        Object axons = answer(() -> DateTimeUtils.parseInstant(text));

        assertThat(answer(() -> StoredTimestamps.parse(text))).isEqualTo(axons);
    }

    @Test
    void aDayThatDoesNotExistIsRefusedAsAxonRefusesIt() {
        assertThatThrownBy(() -> StoredTimestamps.parse("2026-02-29T10:00:00.000Z"))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
    }

    @Test
    void otherShapesAxonAcceptsAreReadByAxon() {
        assertThat(StoredTimestamps.parse("2026-11-30T06:59:15.123+01:00")).isEqualTo("2026-11-30T05:59:15.123Z");
        assertThat(StoredTimestamps.parse("2026-11-30t06:59:15.123z")).isEqualTo("2026-11-30T06:59:15.123Z");
        assertThat(StoredTimestamps.parse("2026-11-30T06:59:15.123456Z")).isEqualTo("2026-11-30T06:59:15.123456Z");
    }

    /** Stored time stamps with one character replaced, and strings of the characters they are made of. */
    @Provide
    Arbitrary<String> almostStamps() {
        Arbitrary<String> stamps = Arbitraries.longs().between(-62_135_596_800_000L, 253_402_300_799_999L)
                .map(milli -> DateTimeUtils.formatInstant(Instant.ofEpochMilli(milli)));
        Arbitrary<String> mutated = Combinators.combine(stamps, Arbitraries.integers().between(0, 23),
                        Arbitraries.of('0', '1', '2', '5', '9', '-', ':', '.', 'T', 't', 'Z', 'z', '+', ' ', 'x'))
                .as((stamp, at, c) -> stamp.substring(0, at) + c + stamp.substring(at + 1));
        Arbitrary<String> soup = Arbitraries.strings().withChars("0123456789-:.TZ+").ofMinLength(20).ofMaxLength(28);
        return Arbitraries.oneOf(mutated, soup);
    }

    /** The instant, or the class of the exception thrown instead. */
    private static Object answer(java.util.function.Supplier<Instant> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}
