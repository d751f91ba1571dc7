package org.coopledger.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingAuthenticationProviderTest {

    private static final int REQUESTS = 8;

    private final CredentialCache cache = new CredentialCache();
    private final AtomicInteger checks = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> callers = new ArrayList<>();

    /** A slow "bcrypt" that accepts only "right password", and holds each check until released. */
    private final AuthenticationProvider slowBcrypt = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication authentication) {
            checks.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!"right password".equals(authentication.getCredentials())) {
                throw new BadCredentialsException("bad credentials");
            }
            LedgerUserDetails user = new LedgerUserDetails(authentication.getName(), "$2a$hash", Set.of(Role.TELLER),
                    null, true);
            return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    };

    private final CachingAuthenticationProvider provider = new CachingAuthenticationProvider(slowBcrypt, cache,
            new LoginThrottle(5, Duration.ofSeconds(30), Clock.systemUTC()));

    @Test
    void concurrentRequestsWithTheSameCredentialsShareOneBcryptCheck() throws Exception {
        List<Future<Authentication>> answers = concurrently("right password");

        assertThat(checks.get()).isEqualTo(1);
        for (Future<Authentication> answer : answers) {
            Authentication authenticated = answer.get(30, TimeUnit.SECONDS);
            assertThat(authenticated.isAuthenticated()).isTrue();
            assertThat(authenticated.getName()).isEqualTo("teller-1");
            assertThat(authenticated.getCredentials()).isNull();
        }
        provider.authenticate(request("right password"));
        assertThat(checks.get()).as("later requests hit the cache").isEqualTo(1);
    }

    @Test
    void aWrongPasswordFailsEveryRequestThatSharedItsCheckAndIsNotCached() throws Exception {
        List<Future<Authentication>> answers = concurrently("wrong password");

        for (Future<Authentication> answer : answers) {
            assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> provider.authenticate(request("wrong password")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks.get()).as("the shared check, then a fresh one").isEqualTo(2);
    }

    @Test
    void aPausedUsernameIsRefusedWithoutABcryptCheckButItsCachedCredentialsStillPass() throws Exception {
        concurrently("right password");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> provider.authenticate(request("wrong password")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        int checksBefore = checks.get();

        assertThatThrownBy(() -> provider.authenticate(request("another guess")))
                .isInstanceOf(LoginThrottledException.class);
        assertThat(checks.get()).as("no bcrypt check while paused").isEqualTo(checksBefore);
        assertThat(provider.authenticate(request("right password")).isAuthenticated())
                .as("the credentials verified before the guessing began are cached").isTrue();
    }

    /** Sends REQUESTS authentications at once and releases the check once all of them are waiting. */
    private List<Future<Authentication>> concurrently(String password) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS, runnable -> {
            Thread thread = new Thread(runnable);
            callers.add(thread);
            return thread;
        });
        List<Future<Authentication>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            answers.add(pool.submit(() -> provider.authenticate(request(password))));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(callers.size() == REQUESTS && callers.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                || t.getState() == Thread.State.TIMED_WAITING)) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        release.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        return answers;
    }

    private static Authentication request(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("teller-1", password);
    }
}
