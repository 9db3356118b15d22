package io.aro.rp.database;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets at rest with AES-256-GCM. Holds a key ring: the first key seals, every key opens,
 * so that after a rotation (a new key put first) documents sealed with an older key still read. A
 * sealed value is {@code v1.<key id>.<base64 of nonce and ciphertext>}; the key id is a fingerprint,
 * not the key.
 */
public final class SecretCipher {
    private static final String PREFIX = "v1.";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] AAD = "aro-rp secret v1".getBytes(StandardCharsets.US_ASCII);
    /** An AES-GCM cipher per thread: looking one up in the providers costs more than sealing a secret. */
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    private SecretCipher(String currentKeyId, Map<String, SecretKeySpec> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = keys;
    }

    /**
     * A cipher that seals with {@code keys.get(0)} and opens with any of {@code keys}.
     *
     * @param keys 256-bit AES keys, the current one first
     */
    public static SecretCipher of(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one encryption key is required");
        }
        Map<String, SecretKeySpec> ring = new LinkedHashMap<>();
        for (byte[] key : keys) {
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("an encryption key must be " + KEY_BYTES + " bytes, got " + key.length);
            }
            ring.put(fingerprint(key), new SecretKeySpec(key.clone(), "AES"));
        }
        return new SecretCipher(fingerprint(keys.get(0)), ring);
    }

    /** A cipher from base64 keys separated by commas, the current one first, as configuration gives them. */
    public static SecretCipher fromBase64(String commaSeparatedKeys) {
        List<byte[]> keys = new ArrayList<>();
        for (String key : commaSeparatedKeys.split(",")) {
            if (!key.isBlank()) {
                keys.add(Base64.getDecoder().decode(key.strip()));
            }
        }
        return of(keys);
    }

    /** A new random key, base64, for configuration. */
    public static String newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String seal(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
            return PREFIX + currentKeyId + "." + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * @throws DatabaseException when the value was not sealed by one of this cipher's keys, or was changed
     */
    public String open(String sealed) {
        String[] parts = sealed.split("\\.", 3);
        if (parts.length != 3 || !(parts[0] + ".").equals(PREFIX)) {
            throw new DatabaseException("a secret in the database is not sealed");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new DatabaseException("a secret in the database was sealed with key " + parts[1] + ", which is not configured");
        }
        try {
            byte[] data = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(AAD);
            return new String(cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DatabaseException("a secret in the database cannot be opened with key " + parts[1], e);
        }
    }

    private static String fingerprint(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
