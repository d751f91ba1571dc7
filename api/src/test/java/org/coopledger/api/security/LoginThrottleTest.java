package org.coopledger.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-11-29T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(5, Duration.ofSeconds(30), clock);
    private final AtomicInteger checks = new AtomicInteger();

    private String wrong(String username) {
        return throttle.attempt(username, () -> {
            checks.incrementAndGet();
            throw new BadCredentialsException("bad credentials");
        });
    }

    private String right(String username) {
        return throttle.attempt(username, () -> {
            checks.incrementAndGet();
            return "ok";
        });
    }

    private void failTimes(String username, int times) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> wrong(username)).isInstanceOf(BadCredentialsException.class);
        }
    }

    private LoginThrottledException refused(String username) {
        int before = checks.get();
        LoginThrottledException refused = (LoginThrottledException) catchThrowable(() -> right(username));
        assertThat(refused).as("refused while paused").isNotNull();
        assertThat(checks.get()).as("the password was not checked").isEqualTo(before);
        return refused;
    }

    @Test
    void fiveWrongPasswordsInARowPauseTheUsernameForThirtySecondsWithoutCheckingTheNextPassword() {
        failTimes("teller-1", 5);

        assertThat(refused("teller-1").retryAfterSeconds()).isEqualTo(30);
        now = now.plusSeconds(29);
        assertThat(refused("teller-1").retryAfterSeconds()).isEqualTo(1);
        now = now.plusSeconds(1);
        assertThat(right("teller-1")).isEqualTo("ok");
    }

    @Test
    void eachWrongPasswordAfterAPauseDoublesTheNextPauseUpToFifteenMinutes() {
        failTimes("teller-1", 5);
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long pause = refused("teller-1").retryAfterSeconds();
            pauses.add(pause);
            now = now.plusSeconds(pause);
            failTimes("teller-1", 1);
        }
        assertThat(pauses).containsExactly(30L, 60L, 120L, 240L, 480L, 900L, 900L, 900L);
    }

    @Test
    void aRightPasswordResetsTheCountOfWrongOnes() {
        failTimes("teller-1", 4);
        assertThat(right("teller-1")).isEqualTo("ok");
        failTimes("teller-1", 4);
        assertThat(right("teller-1")).as("four more wrong ones are within the allowance again").isEqualTo("ok");
    }

    @Test
    void thirtyQuietMinutesForgetTheWrongPasswords() {
        failTimes("teller-1", 4);
        now = now.plus(LoginThrottle.FORGET_AFTER).plusSeconds(1);
        failTimes("teller-1", 1);
        assertThat(right("teller-1")).as("one wrong password after the quiet time, not five").isEqualTo("ok");
    }

    @Test
    void unknownAndKnownUsernamesArePausedAlikeAndIndependently() {
        failTimes("no-such-user", 5);
        refused("no-such-user");
        assertThat(right("teller-1")).as("another username is not affected").isEqualTo("ok");
    }

    @Test
    void failuresOtherThanAWrongPasswordAreNotCounted() {
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> throttle.attempt("teller-1", () -> {
                throw new DisabledException("disabled");
            })).isInstanceOf(DisabledException.class);
            assertThatThrownBy(() -> throttle.attempt("teller-1", () -> {
                throw new IllegalStateException("database down");
            })).isInstanceOf(IllegalStateException.class);
        }
        assertThat(right("teller-1")).isEqualTo("ok");
    }

    @Test
    void parallelGuessesGetNoMoreChecksThanTheAllowance() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> throttle.attempt("teller-1", () -> {
                    checks.incrementAndGet();
                    try {
                        hold.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new BadCredentialsException("bad credentials");
                })));
            }
            long refusedAtOnce = 0;
            for (Future<String> answer : answers) {
                // The refused ones return at once; the checked ones wait for the latch.
                try {
                    answer.get(200, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof LoginThrottledException) {
                        refusedAtOnce++;
                    }
                } catch (TimeoutException stillChecking) {
                    // counted below
                }
            }
            hold.countDown();
            assertThat(checks.get()).as("checks that ran").isEqualTo(5);
            assertThat(refusedAtOnce).isEqualTo(15);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPauseIsReportedInWholeSecondsRoundedUp() {
        assertThat(new LoginThrottledException(Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new LoginThrottledException(Duration.ofMillis(29_001)).retryAfterSeconds()).isEqualTo(30);
        assertThat(new LoginThrottledException(Duration.ofSeconds(30)).retryAfterSeconds()).isEqualTo(30);
    }
}
