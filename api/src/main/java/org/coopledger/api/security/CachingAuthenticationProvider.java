package org.coopledger.api.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Username and password authentication with {@link CredentialCache} in front of the bcrypt
 * check of {@code verifier}, which {@link LoginThrottle} refuses to run for a username that
 * has just had too many wrong passwords. Both paths answer a token whose principal carries no
 * hash and whose credentials are gone.
 *
 * <p>Identical credentials arriving while their bcrypt check runs wait for that check instead of
 * starting their own: when a busy client's cache entry expires, its 32 concurrent requests used
 * to run 32 bcrypt checks at once, seconds of CPU that stalled every request on the node
 * (docs/PERFORMANCE.md). Only requests with the same username and password share a check, so a
 * wrong password never delays anybody else.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider verifier;
    private final CredentialCache cache;
    private final LoginThrottle throttle;
    private final ConcurrentMap<CredentialCache.Key, Check> checking = new ConcurrentHashMap<>();

    /** A bcrypt check in progress, started when the cache was at {@code generation}. */
    private record Check(long generation, CompletableFuture<LedgerUserDetails> outcome) {
    }

    CachingAuthenticationProvider(AuthenticationProvider verifier, CredentialCache cache, LoginThrottle throttle) {
        this.verifier = verifier;
        this.cache = cache;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication.getCredentials() instanceof String password)) {
            return verifier.authenticate(authentication);
        }
        CredentialCache.Key key = cache.keyFor(authentication.getName(), password);
        LedgerUserDetails known = cache.get(key);
        if (known != null) {
            return authenticated(known, authentication);
        }
        long generation = cache.generation();
        Check mine = new Check(generation, new CompletableFuture<>());
        Check running = checking.putIfAbsent(key, mine);
        if (running != null) {
            // A check that began before a change to a user (new password, disabled) is not shared.
            return authenticated(running.generation() == generation ? outcomeOf(running.outcome())
                    : verify(key, authentication, generation), authentication);
        }
        try {
            LedgerUserDetails user = verify(key, authentication, generation);
            mine.outcome().complete(user);
            return authenticated(user, authentication);
        } catch (RuntimeException failure) {
            mine.outcome().completeExceptionally(failure);
            throw failure;
        } finally {
            checking.remove(key, mine);
        }
    }

    private LedgerUserDetails verify(CredentialCache.Key key, Authentication authentication, long generation) {
        Authentication verified = throttle.attempt(authentication.getName(), () -> verifier.authenticate(authentication));
        LedgerUserDetails user = ((LedgerUserDetails) verified.getPrincipal()).withoutPassword();
        cache.put(key, user, generation);
        return user;
    }

    /** The shared check's user, or its failure (a wrong password, a disabled user) thrown here too. */
    private static LedgerUserDetails outcomeOf(CompletableFuture<LedgerUserDetails> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static Authentication authenticated(LedgerUserDetails user, Authentication request) {
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        token.setDetails(request.getDetails());
        return token;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
