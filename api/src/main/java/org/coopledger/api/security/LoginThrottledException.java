package org.coopledger.api.security;

import org.springframework.security.core.AuthenticationException;

import java.time.Duration;

/** A username is paused by {@link LoginThrottle}; its password was not checked. */
final class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("too many failed logins for this username");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until the pause ends, at least one. */
    long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
