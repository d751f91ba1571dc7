package org.coopledger.ops.bench;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationMixTest {

    @Test
    void everyRollOfThePostingsMixLandsInItsBandExactlyAsOftenAsItsWeight() {
        OperationMix mix = OperationMix.postings();
        Map<OperationKind, Integer> seen = new EnumMap<>(OperationKind.class);
        for (int roll = 0; roll < mix.totalWeight(); roll++) {
            seen.merge(mix.pick(roll), 1, Integer::sum);
        }
        assertThat(mix.totalWeight()).isEqualTo(100);
        assertThat(seen).containsExactly(Map.entry(OperationKind.DEPOSIT, 35), Map.entry(OperationKind.WITHDRAWAL, 25),
                Map.entry(OperationKind.TRANSFER, 20), Map.entry(OperationKind.BALANCE, 15),
                Map.entry(OperationKind.STATEMENT, 5));
    }

    @Test
    void bandBoundariesBelongToTheNextKind() {
        OperationMix mix = OperationMix.postings();
        assertThat(mix.pick(34)).isEqualTo(OperationKind.DEPOSIT);
        assertThat(mix.pick(35)).isEqualTo(OperationKind.WITHDRAWAL);
        assertThat(mix.pick(99)).isEqualTo(OperationKind.STATEMENT);
    }

    @Test
    void rollsOutsideTheWeightsAreRefused() {
        OperationMix mix = OperationMix.postings();
        assertThatThrownBy(() -> mix.pick(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mix.pick(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSingleKindMixAlwaysPicksIt() {
        OperationMix reads = Scenario.READS.mix();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000; i++) {
            assertThat(reads.pick(random)).isEqualTo(OperationKind.BALANCE);
        }
    }
}
