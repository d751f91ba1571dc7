package org.coopledger.api.users;

import org.coopledger.api.problem.ApiErrorCode;
import org.coopledger.api.problem.ApiException;
import org.coopledger.api.security.CredentialCache;
import org.coopledger.api.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Creates users. A MEMBER user is one member's own login and nothing else: it needs the
 * memberId and cannot also hold a staff role, so that a credential kept in a member's phone
 * app can never move other people's money. Staff users are bound to no member.
 */
@Component
class UserRegistry {

    static final int MIN_PASSWORD_CHARS = 12;
    static final int MAX_PASSWORD_CHARS = 128;

    private final UserStore store;
    private final PasswordEncoder passwords;
    private final CredentialCache credentials;
    private final Clock clock;

    UserRegistry(UserStore store, PasswordEncoder passwords, CredentialCache credentials, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.credentials = credentials;
        this.clock = clock;
    }

    UserResponse create(CreateUserRequest request, String createdBy) {
        Set<Role> roles = EnumSet.copyOf(request.roles());
        checkPassword(request.password());
        checkMemberBinding(roles, request.memberId());
        UserStore.NewUser user = new UserStore.NewUser(request.username(), passwords.encode(request.password()),
                roles, request.memberId(), clock.instant(), createdBy);
        try {
            store.insert(user);
        } catch (DuplicateKeyException taken) {
            throw new ApiException(ApiErrorCode.USERNAME_TAKEN, "the username is already taken");
        }
        credentials.invalidate(user.username());
        return new UserResponse(user.username(), roles.stream().toList(), user.memberId());
    }

    /** Also used for the first admin's password from the environment. */
    static boolean acceptablePassword(String password) {
        return password != null && !password.isBlank()
                && password.length() >= MIN_PASSWORD_CHARS && password.length() <= MAX_PASSWORD_CHARS;
    }

    private static void checkPassword(String password) {
        if (!acceptablePassword(password)) {
            throw invalid("password", "must have " + MIN_PASSWORD_CHARS + " to " + MAX_PASSWORD_CHARS
                    + " characters and not be blank");
        }
    }

    private static void checkMemberBinding(Set<Role> roles, String memberId) {
        boolean member = roles.contains(Role.MEMBER);
        if (memberId != null && memberId.isBlank()) {
            throw invalid("memberId", "must not be blank");
        }
        if (member && roles.size() > 1) {
            throw invalid("roles", "MEMBER cannot be combined with another role");
        }
        if (member && memberId == null) {
            throw invalid("memberId", "is required for a MEMBER user");
        }
        if (!member && memberId != null) {
            throw invalid("memberId", "is only allowed for a MEMBER user");
        }
    }

    private static ApiException invalid(String field, String message) {
        return new ApiException(ApiErrorCode.VALIDATION_FAILED, "the request has invalid or missing values",
                Map.of(field, message));
    }
}
