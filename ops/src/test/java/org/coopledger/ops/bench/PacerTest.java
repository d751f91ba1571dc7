package org.coopledger.ops.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTest {

    @Test
    void clientsTakeTurnsSoTheTotalRateIsEven() {
        Pacer pacer = new Pacer(1_000, 4, 1_000.0);
        assertThat(pacer.dueNanos(0, 0)).isEqualTo(1_000);
        assertThat(pacer.dueNanos(1, 0)).isEqualTo(1_000 + 1_000_000);
        assertThat(pacer.dueNanos(3, 0)).isEqualTo(1_000 + 3_000_000);
        assertThat(pacer.dueNanos(0, 1)).isEqualTo(1_000 + 4_000_000);
        assertThat(pacer.dueNanos(2, 250)).isEqualTo(1_000 + 1_002_000_000L);
    }
}
