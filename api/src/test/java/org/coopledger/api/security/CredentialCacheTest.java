package org.coopledger.api.security;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialCacheTest {

    private final CredentialCache cache = new CredentialCache();
    private final LedgerUserDetails teller = new LedgerUserDetails("teller-1", null, Set.of(Role.TELLER), null, true);

    @Test
    void theKeyHoldsADigestNotThePassword() {
        CredentialCache.Key key = cache.keyFor("teller-1", "correct horse battery");

        assertThat(key.username()).isEqualTo("teller-1");
        assertThat(key.digest()).hasSize(64).doesNotContain("correct");
        assertThat(key).isEqualTo(cache.keyFor("teller-1", "correct horse battery"));
        assertThat(key).isNotEqualTo(cache.keyFor("teller-1", "correct horse batterY"));
        assertThat(key.digest()).isNotEqualTo(new CredentialCache().keyFor("teller-1", "correct horse battery").digest());
    }

    @Test
    void onlyTheVerifiedPasswordHits() {
        CredentialCache.Key right = cache.keyFor("teller-1", "right password");
        cache.put(right, teller, cache.generation());

        assertThat(cache.get(right)).isEqualTo(teller);
        assertThat(cache.get(cache.keyFor("teller-1", "wrong password"))).isNull();
    }

    @Test
    void invalidatingAUserForgetsItsCredentials() {
        CredentialCache.Key key = cache.keyFor("teller-1", "right password");
        cache.put(key, teller, cache.generation());

        cache.invalidate("teller-1");

        assertThat(cache.get(key)).isNull();
    }

    @Test
    void aCheckThatStartedBeforeAnInvalidationIsNotCached() {
        long before = cache.generation();
        cache.invalidate("teller-1");

        CredentialCache.Key key = cache.keyFor("teller-1", "right password");
        cache.put(key, teller, before);

        assertThat(cache.get(key)).isNull();
    }
}
