package org.coopledger.api.security;

import org.coopledger.core.members.api.MemberId;

import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller as the ledger sees it.
 *
 * @param username the login name (also recorded as the acting user)
 * @param roles    ADMIN, TELLER, MANAGER, AUDITOR, MEMBER
 * @param memberId for MEMBER users, the member they are; empty for staff
 */
public record CurrentUser(String username, Set<Role> roles, Optional<MemberId> memberId) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A member user sees only their own member's data; staff with a read role see all. */
    public boolean isMemberOnly() {
        return roles.equals(Set.of(Role.MEMBER));
    }
}
