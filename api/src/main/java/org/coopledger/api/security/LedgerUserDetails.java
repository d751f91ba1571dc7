package org.coopledger.api.security;

import org.coopledger.core.members.api.MemberId;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A row of {@code app_user} as Spring Security sees it, keeping the member a MEMBER user is, so
 * that {@link Access} can answer ownership questions without another query. Immutable: the
 * authenticated principal is a copy without the password hash ({@link #withoutPassword()}).
 */
public final class LedgerUserDetails implements UserDetails {

    private final String username;
    private final String passwordHash;
    private final Set<Role> roles;
    private final MemberId memberId;
    private final boolean enabled;

    public LedgerUserDetails(String username, String passwordHash, Set<Role> roles, MemberId memberId, boolean enabled) {
        this.username = username;
        this.passwordHash = passwordHash;
        EnumSet<Role> copy = EnumSet.noneOf(Role.class);
        copy.addAll(roles);
        this.roles = Collections.unmodifiableSet(copy);
        this.memberId = memberId;
        this.enabled = enabled;
    }

    public LedgerUserDetails withoutPassword() {
        return new LedgerUserDetails(username, null, roles, memberId, enabled);
    }

    public Set<Role> roles() {
        return roles;
    }

    public Optional<MemberId> memberId() {
        return Optional.ofNullable(memberId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    /** The bcrypt hash, or null in the authenticated principal. */
    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Never the hash: principals end up in debug logs. */
    @Override
    public String toString() {
        return "LedgerUserDetails[username=" + username + ", roles=" + roles + ", enabled=" + enabled + "]";
    }
}
