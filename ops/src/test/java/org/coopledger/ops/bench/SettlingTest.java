package org.coopledger.ops.bench;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SettlingTest {

    @Test
    void fewerThanFourWindowsAreNeverSettledEvenWhenTheyFall() {
        assertThat(Settling.settled(List.of(247.0))).isFalse();
        assertThat(Settling.settled(List.of(247.0, 303.4, 297.8))).isFalse();
    }

    @Test
    void aRateStillRisingByMoreThanFivePercentIsNotSettled() {
        assertThat(Settling.settled(List.of(245.0, 267.0, 296.0, 329.0))).isFalse();
        assertThat(Settling.settled(List.of(245.0, 267.0, 296.0, 329.0, 367.0, 377.0))).isFalse();
    }

    @Test
    void twoWindowsInARowNotFivePercentAboveTheBestBeforeThemEndTheSettling() {
        assertThat(Settling.settled(List.of(500.0, 700.0, 680.0, 734.0))).isTrue();
        assertThat(Settling.settled(List.of(500.0, 700.0, 680.0, 736.0))).isFalse();
        assertThat(Settling.settled(List.of(500.0, 700.0, 736.0, 680.0))).isFalse();
    }

    @Test
    void oneSlowWindowIsComparedWithTheBestNotTheLastSoItDoesNotPassForARise() {
        // 720 is 80 % above the slow 400 but not 5 % above the best before them, 700.
        assertThat(Settling.settled(List.of(500.0, 700.0, 400.0, 720.0))).isTrue();
    }

    @Test
    void aLedgerThatKeepsSpeedingUpIsMeasuredAfterTheLastWindowAllowed() {
        Iterator<Double> rising = List.of(100.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0, 800.0, 900.0, 1000.0,
                1100.0).iterator();
        List<Double> rates = Settling.run(rising::next, "postings/s", new PrintStream(OutputStream.nullOutputStream()));

        assertThat(rates).hasSize(Settling.MAX_WINDOWS).endsWith(1000.0);
    }

    @Test
    void runStopsAtTheFirstSettledWindowAndReturnsEveryRate() {
        Iterator<Double> windows = List.of(403.0, 538.0, 717.0, 824.0, 801.0, 790.0, 2000.0).iterator();
        List<Double> rates = Settling.run(windows::next, "postings/s", new PrintStream(OutputStream.nullOutputStream()));

        assertThat(rates).containsExactly(403.0, 538.0, 717.0, 824.0, 801.0, 790.0);
    }
}
