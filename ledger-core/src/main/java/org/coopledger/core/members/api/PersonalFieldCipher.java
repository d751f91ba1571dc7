package org.coopledger.core.members.api;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The format of an encrypted personal field, shared by the write side (which seals) and the
 * readers (which open): AES-256-GCM under the member's key, a fresh random 96-bit IV per value,
 * stored as base64 of {@code IV || ciphertext || 128-bit tag}. The additional authenticated data
 * is the member id and the field name, so a ciphertext copied to another member or another
 * field fails to open instead of showing the wrong person's data. Null stays null.
 * Nothing here logs, and no exception message carries a value or a key.
 */
public final class PersonalFieldCipher {

    /** The encrypted fields; the name is part of the AAD and must never change. */
    public enum Field {
        LEGAL_NAME("legalName"), DATE_OF_BIRTH("dateOfBirth"), PHONE("phone"), ADDRESS("address"),
        DOCUMENT_NUMBER("documentNumber");

        private final String aadName;

        Field(String aadName) {
            this.aadName = aadName;
        }
    }

    public static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private PersonalFieldCipher() {
    }

    /** A new random member key. */
    public static byte[] newKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    public static String seal(byte[] key, MemberId memberId, Field field, String plaintext, SecureRandom random) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, memberId, field);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * Opens a sealed value; null for null. Throws {@link IllegalArgumentException} when the value
     * was not sealed with this key for this member and field, or was altered.
     */
    public static String open(byte[] key, MemberId memberId, Field field, String sealed) {
        if (sealed == null) {
            return null;
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(sealed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed " + field + " is not base64");
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("sealed " + field + " is too short");
        }
        try {
            byte[] iv = java.util.Arrays.copyOfRange(in, 0, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, iv, memberId, field);
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("sealed " + field + " does not authenticate for this member and field");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, MemberId memberId, Field field)
            throws GeneralSecurityException {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a member key has " + KEY_BYTES + " bytes");
        }
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad(memberId, field));
        return cipher;
    }

    /** Length-prefixed so that no (member id, field) pair can spell another one. */
    private static byte[] aad(MemberId memberId, Field field) {
        String id = memberId.value();
        return (id.length() + ":" + id + ":" + field.aadName).getBytes(StandardCharsets.UTF_8);
    }
}
