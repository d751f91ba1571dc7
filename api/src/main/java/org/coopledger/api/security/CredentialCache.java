package org.coopledger.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Credentials verified in the last 60 seconds, so that a client sending Basic credentials with
 * every request pays for bcrypt about once a minute instead of every time. Only successes are
 * kept, so a wrong password is always checked against the hash. The key is the username and a
 * SHA-256 of a per-process random salt, the username and the password: the clear password is
 * never held, and the digests are useless outside this process.
 *
 * <p>Each node has its own cache: after a user is changed through another node, this one may
 * accept the old credentials for up to {@link #TIME_TO_LIVE}.
 */
@Component
public class CredentialCache {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 10_000;

    /** Username plus digest, so that all entries of one user can be dropped when it changes. */
    record Key(String username, String digest) {
    }

    private final Cache<Key, LedgerUserDetails> verified = Caffeine.newBuilder()
            .expireAfterWrite(TIME_TO_LIVE)
            .maximumSize(MAX_ENTRIES)
            .build();
    private final byte[] salt = new byte[32];
    /** Bumped by every invalidation, so that a check that started before it is not cached after it. */
    private long generation;

    public CredentialCache() {
        new SecureRandom().nextBytes(salt);
    }

    Key keyFor(String username, String password) {
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[salt.length + user.length + 1 + secret.length];
        System.arraycopy(salt, 0, input, 0, salt.length);
        System.arraycopy(user, 0, input, salt.length, user.length);
        System.arraycopy(secret, 0, input, salt.length + user.length + 1, secret.length);
        return new Key(username, HexFormat.of().formatHex(PasswordHashing.sha256(input)));
    }

    LedgerUserDetails get(Key key) {
        return verified.getIfPresent(key);
    }

    synchronized long generation() {
        return generation;
    }

    /** Remembers a successful check, unless a user changed while it ran. */
    synchronized void put(Key key, LedgerUserDetails user, long checkedAtGeneration) {
        if (generation == checkedAtGeneration) {
            verified.put(key, user);
        }
    }

    /** Forgets every verified credential of {@code username}; call after any change to the user. */
    public synchronized void invalidate(String username) {
        generation++;
        verified.asMap().keySet().removeIf(key -> key.username().equals(username));
    }
}
