package org.coopledger.api.users;

import org.coopledger.api.security.Role;

import java.util.List;

/** A user as created; never the password or its hash. {@code memberId} is omitted for staff. */
public record UserResponse(String username, List<Role> roles, String memberId) {
}
