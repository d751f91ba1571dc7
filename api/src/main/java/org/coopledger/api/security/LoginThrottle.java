package org.coopledger.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Slows down password guessing per username. After {@code failuresAllowed} wrong passwords in a
 * row, the username is refused for {@code firstPause} without its password being checked; each
 * further wrong password after a pause doubles the pause, up to {@link #LONGEST_PAUSE}. A right
 * password resets the count, as does {@link #FORGET_AFTER} without any attempt.
 *
 * <p>What it protects: the members' and staff's passwords against guessing over the API, and the
 * node's CPU against a flood of bcrypt checks (tens of milliseconds each). Checks of one username
 * that run at the same time count against the allowance before they finish, so a burst of
 * parallel guesses gets no more tries than a sequence.
 *
 * <p>Credentials already verified and cached ({@link CredentialCache}) are accepted without
 * coming here: a teller whose app is working keeps working while somebody guesses at the same
 * username, and guessing cannot produce a cache hit without the password. Unknown usernames are
 * throttled like known ones, so the answers do not tell which exist. Entries are per node and
 * bounded ({@link #MAX_USERNAMES}); under a flood of distinct usernames the oldest are forgotten,
 * which is the price of bounded memory.
 */
final class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    static final Duration LONGEST_PAUSE = Duration.ofMinutes(15);
    /** Longer than the longest pause, so that waiting out a pause does not also wipe the count. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);
    static final int MAX_USERNAMES = 100_000;

    private final int failuresAllowed;
    private final Duration firstPause;
    private final Clock clock;
    /** Username → its recent failures; replaced as a whole inside {@code compute}, so updates are atomic. */
    private final Cache<String, Attempts> attempts;

    /** Wrong passwords in a row, password checks under way, and the end of the current pause. */
    private record Attempts(int failures, int checking, Instant pausedUntil) {

        static final Attempts NONE = new Attempts(0, 0, Instant.MIN);

        boolean isEmpty() {
            return failures == 0 && checking == 0;
        }
    }

    LoginThrottle(int failuresAllowed, Duration firstPause, Clock clock) {
        if (failuresAllowed < 1 || firstPause.isNegative() || firstPause.isZero()) {
            throw new IllegalArgumentException("the login throttle needs at least one failure allowed and a positive pause");
        }
        this.failuresAllowed = failuresAllowed;
        this.firstPause = firstPause;
        this.clock = clock;
        this.attempts = Caffeine.newBuilder()
                .expireAfterAccess(FORGET_AFTER)
                .maximumSize(MAX_USERNAMES)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /**
     * Runs {@code check} (a password check of {@code username}) unless the username is paused, and
     * counts its outcome: a {@link BadCredentialsException} is a wrong password; any other failure
     * (the database is down...) says nothing about the password and is not counted.
     *
     * @throws LoginThrottledException when the username is paused; {@code check} did not run
     */
    <T> T attempt(String username, Supplier<T> check) {
        Instant now = clock.instant();
        Duration[] refusedFor = new Duration[1];
        attempts.asMap().compute(username, (name, current) -> {
            Attempts state = current == null ? Attempts.NONE : current;
            if (now.isBefore(state.pausedUntil())) {
                refusedFor[0] = Duration.between(now, state.pausedUntil());
                return current;
            }
            // Past the allowance only one check at a time, each of which can start a longer pause.
            boolean allowed = state.failures() + state.checking() < failuresAllowed || state.checking() == 0;
            if (!allowed) {
                refusedFor[0] = firstPause;
                return current;
            }
            return new Attempts(state.failures(), state.checking() + 1, state.pausedUntil());
        });
        if (refusedFor[0] != null) {
            throw new LoginThrottledException(refusedFor[0]);
        }
        try {
            T result = check.get();
            finish(username, Outcome.RIGHT);
            return result;
        } catch (BadCredentialsException wrong) {
            finish(username, Outcome.WRONG);
            throw wrong;
        } catch (RuntimeException | Error other) {
            finish(username, Outcome.UNKNOWN);
            throw other;
        }
    }

    private enum Outcome { RIGHT, WRONG, UNKNOWN }

    private void finish(String username, Outcome outcome) {
        Instant now = clock.instant();
        attempts.asMap().compute(username, (name, current) -> {
            Attempts state = current == null ? Attempts.NONE : current;
            int checking = Math.max(0, state.checking() - 1);
            Attempts next = switch (outcome) {
                case RIGHT -> new Attempts(0, checking, Instant.MIN);
                case UNKNOWN -> new Attempts(state.failures(), checking, state.pausedUntil());
                case WRONG -> {
                    int failures = state.failures() + 1;
                    if (failures < failuresAllowed) {
                        yield new Attempts(failures, checking, state.pausedUntil());
                    }
                    Duration pause = pause(failures);
                    // Without the username: it may be a member's name, and the log is not the place for it.
                    log.warn("Logins of one username paused for {} s after {} wrong passwords in a row",
                            pause.toSeconds(), failures);
                    yield new Attempts(failures, checking, now.plus(pause));
                }
            };
            return next.isEmpty() ? null : next;
        });
    }

    /** {@code firstPause} at the allowance, doubled for each wrong password after it, at most {@link #LONGEST_PAUSE}. */
    private Duration pause(int failures) {
        int doublings = Math.min(failures - failuresAllowed, 20);
        Duration pause = firstPause.multipliedBy(1L << doublings);
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }
}
