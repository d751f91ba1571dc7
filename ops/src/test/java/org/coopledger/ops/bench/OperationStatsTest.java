package org.coopledger.ops.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OperationStatsTest {

    @Test
    void rejectionsAreTimedButCountedApartFromErrorsAndMergingAddsEverything() {
        OperationStats first = new OperationStats();
        first.record(OperationKind.DEPOSIT, Outcome.ofStatus(201, null), 2_000, 0);
        first.record(OperationKind.WITHDRAWAL, Outcome.ofStatus(422, "INSUFFICIENT_FUNDS"), 3_000, 0);
        OperationStats second = new OperationStats();
        second.record(OperationKind.TRANSFER, Outcome.ofStatus(409, "CONCURRENT_MODIFICATION").givenUp(), 9_000, 9);
        second.record(OperationKind.BALANCE, Outcome.ofStatus(200, null), 1_000, 1);

        OperationStats all = new OperationStats();
        all.add(first);
        all.add(second);

        assertThat(all.succeededPostings()).isEqualTo(1);
        assertThat(all.succeeded(OperationKind.BALANCE)).isEqualTo(1);
        assertThat(all.rejections()).isEqualTo(Map.of("INSUFFICIENT_FUNDS", 1L));
        assertThat(all.errors()).isEqualTo(Map.of("409 CONCURRENT_MODIFICATION", 1L));
        assertThat(all.errorCount()).isEqualTo(1);
        assertThat(all.retries()).isEqualTo(10);
        assertThat(all.latencyMicros(OperationKind.WITHDRAWAL).getTotalCount()).isEqualTo(1);
        assertThat(all.latencyMicros(OperationKind.TRANSFER).getTotalCount()).isZero();
        assertThat(all.allLatencyMicros().getTotalCount()).isEqualTo(3);
    }
}
