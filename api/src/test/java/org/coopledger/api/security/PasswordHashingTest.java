package org.coopledger.api.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashingTest {

    private final PasswordHashing hashing = new PasswordHashing();

    @Test
    void theHashIsBcrypt() {
        String hash = hashing.encode("a long enough password");

        assertThat(hash).startsWith("$2").doesNotContain("password");
        assertThat(hashing.matches("a long enough password", hash)).isTrue();
        assertThat(hashing.matches("a long enough passworD", hash)).isFalse();
    }

    @Test
    void charactersBeyondBcrypts72BytesStillCount() {
        String prefix = "ካልኣይ-ቃል-ምስጢር".repeat(10);
        String hash = hashing.encode(prefix + "A");

        assertThat(prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
        assertThat(hashing.matches(prefix + "A", hash)).isTrue();
        assertThat(hashing.matches(prefix + "B", hash)).isFalse();
    }

    @Test
    void composedAndDecomposedFormsOfTheSamePasswordMatch() {
        String composed = "caf\u00e9-password-1";
        String decomposed = "cafe\u0301-password-1";

        assertThat(hashing.matches(decomposed, hashing.encode(composed))).isTrue();
    }
}
