package org.coopledger.reporting.chain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the chain's byte format: the vectors were computed outside Java (Python's struct and
 * hashlib), so an auditor's independent tool that follows ChainLink's description agrees.
 */
class ChainLinkTest {

    private static final EventRow ROW = new EventRow(7, "e-1", "a-1", 2, "SavingsAccount", "x.Dépôt", null,
            "2026-11-29T00:00:00Z", "{}".getBytes(StandardCharsets.UTF_8), null);

    @Test
    void genesisIsTheHashOfAFixedText() {
        assertThat(ChainLink.hex(ChainLink.GENESIS))
                .isEqualTo("fd0c2d93f1f1ae19d74f3b719b06d58203db0370a564ba7fb16c76f7efee6874");
    }

    @Test
    void aRowEncodesAsLengthPrefixedFieldsAndBigEndianLongs() {
        assertThat(HexFormat.of().formatHex(ChainLink.encode(ChainLink.GENESIS, ROW))).isEqualTo(
                "00000020" + "fd0c2d93f1f1ae19d74f3b719b06d58203db0370a564ba7fb16c76f7efee6874" // previous link
                        + "0000000000000007"                               // global_index
                        + "00000003" + "652d31"                            // event_identifier
                        + "00000003" + "612d31"                            // aggregate_identifier
                        + "0000000000000002"                               // sequence_number
                        + "0000000e" + "536176696e67734163636f756e74"      // type
                        + "00000009" + "782e44c3a970c3b474"                // payload_type, UTF-8
                        + "ffffffff"                                       // payload_revision NULL
                        + "00000014" + "323032362d31312d32395430303a30303a30305a" // time_stamp
                        + "00000020" + "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a" // sha256(payload)
                        + "ffffffff");                                     // meta_data NULL
    }

    @Test
    void theLinkIsTheSha256OfTheEncoding() {
        assertThat(ChainLink.hex(ChainLink.next(ChainLink.GENESIS, ROW)))
                .isEqualTo("a2ee3099eba7f0e3a67919f7e654a1e4481a5a63b00efe70b12f46fb5e915c9a");
    }

    @Test
    void nullAndEmptyDifferAndEveryColumnCounts() {
        byte[] base = ChainLink.next(ChainLink.GENESIS, ROW);
        EventRow emptyRevision = new EventRow(7, "e-1", "a-1", 2, "SavingsAccount", "x.Dépôt", "",
                "2026-11-29T00:00:00Z", ROW.payload(), null);
        EventRow otherPayload = new EventRow(7, "e-1", "a-1", 2, "SavingsAccount", "x.Dépôt", null,
                "2026-11-29T00:00:00Z", "{ }".getBytes(StandardCharsets.UTF_8), null);
        // Moving bytes between adjacent fields must not give the same encoding.
        EventRow shifted = new EventRow(7, "e-1a", "-1", 2, "SavingsAccount", "x.Dépôt", null,
                "2026-11-29T00:00:00Z", ROW.payload(), null);
        assertThat(ChainLink.next(ChainLink.GENESIS, emptyRevision)).isNotEqualTo(base);
        assertThat(ChainLink.next(ChainLink.GENESIS, otherPayload)).isNotEqualTo(base);
        assertThat(ChainLink.next(ChainLink.GENESIS, shifted)).isNotEqualTo(base);
        assertThat(ChainLink.next(base, ROW)).isNotEqualTo(base);
    }
}
