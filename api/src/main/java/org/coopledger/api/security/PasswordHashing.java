package org.coopledger.api.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;

/**
 * bcrypt over a SHA-256 of the password. bcrypt reads at most 72 bytes, and Spring's encoder
 * refuses longer input, while the ledger accepts 128 characters, which in Arabic or Tigrinya
 * script are up to 384 UTF-8 bytes: pre-hashing to 44 Base64 characters keeps every character
 * significant. The password is NFKC-normalized first (NIST SP 800-63B), so the same password
 * typed on two keyboards that compose characters differently still matches.
 */
public final class PasswordHashing implements PasswordEncoder {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(prehash(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return rawPassword != null && bcrypt.matches(prehash(rawPassword), encodedPassword);
    }

    static String prehash(CharSequence rawPassword) {
        String normalized = Normalizer.normalize(rawPassword, Normalizer.Form.NFKC);
        return Base64.getEncoder().encodeToString(sha256(normalized.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
