package org.coopledger.api.users;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.coopledger.api.security.Role;
import org.coopledger.core.members.api.MemberId;

import java.util.List;

/**
 * {@code POST /api/v1/users}. The password is checked by {@link UserRegistry}, not by bean
 * validation, because a bean validation failure carries the rejected value into exception
 * messages, and those reach debug logs.
 *
 * @param username 3 to 64 of {@code [a-zA-Z0-9._-]}, unique regardless of case
 * @param password 12 to 128 characters, stored only as a bcrypt hash
 * @param roles    one or more; MEMBER only alone and with a memberId
 * @param memberId the member a MEMBER user is; absent for staff
 */
public record CreateUserRequest(
        @NotNull
        @Pattern(regexp = "[a-zA-Z0-9._-]{3,64}",
                message = "must have 3 to 64 characters, each a letter, a digit, '.', '_' or '-'")
        String username,
        @NotNull String password,
        @NotEmpty @Size(max = 5) List<@NotNull Role> roles,
        @Size(min = 1, max = MemberId.MAX_LENGTH) String memberId) {

    /** Never the password: records print every component by default. */
    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username + ", roles=" + roles + ", memberId=" + memberId + "]";
    }
}
