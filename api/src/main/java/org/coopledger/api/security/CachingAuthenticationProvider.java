package org.coopledger.api.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Username and password authentication with {@link CredentialCache} in front of the bcrypt
 * check of {@code verifier}. Both paths answer a token whose principal carries no hash and whose
 * credentials are gone.
 */
final class CachingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider verifier;
    private final CredentialCache cache;

    CachingAuthenticationProvider(AuthenticationProvider verifier, CredentialCache cache) {
        this.verifier = verifier;
        this.cache = cache;
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
        Authentication verified = verifier.authenticate(authentication);
        LedgerUserDetails user = ((LedgerUserDetails) verified.getPrincipal()).withoutPassword();
        cache.put(key, user, generation);
        return authenticated(user, authentication);
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
