package org.coopledger.api.security;

import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.members.api.MemberId;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** {@link Access} from the request's security context. */
@Component
class SecurityContextAccess implements Access {

    private static final Set<Role> READ_ALL = EnumSet.of(Role.ADMIN, Role.TELLER, Role.MANAGER, Role.AUDITOR);

    @Override
    public CurrentUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new AuthenticationCredentialsNotFoundException("no authenticated user");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            roleOf(authority.getAuthority()).ifPresent(roles::add);
        }
        Optional<MemberId> memberId = authentication.getPrincipal() instanceof LedgerUserDetails user
                ? user.memberId()
                : Optional.empty();
        return new CurrentUser(authentication.getName(), Set.copyOf(roles), memberId);
    }

    /**
     * Refuses with exactly the answer an unknown id gets ("no such member", "no such account"),
     * so a member cannot learn which ids exist.
     */
    @Override
    public void checkCanRead(MemberId owner, ErrorCode notFoundCode) {
        CurrentUser user = currentUser();
        if (user.roles().stream().anyMatch(READ_ALL::contains)) {
            return;
        }
        if (owner != null && user.has(Role.MEMBER) && user.memberId().filter(owner::equals).isPresent()) {
            return;
        }
        throw new LedgerException(notFoundCode, notFoundDetail(notFoundCode));
    }

    /** {@code MEMBER_NOT_FOUND} → {@code no such member}, the wording of the controllers' own 404s. */
    static String notFoundDetail(ErrorCode code) {
        String thing = code.name().replace("_NOT_FOUND", "").replace('_', ' ').toLowerCase(Locale.ROOT);
        return "no such " + thing;
    }

    private static Optional<Role> roleOf(String authority) {
        if (authority == null || !authority.startsWith("ROLE_")) {
            return Optional.empty();
        }
        String name = authority.substring("ROLE_".length());
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
