package io.aro.rp.frontend;

import io.aro.rp.api.validate.ValidationErrors;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code $skipToken} of list pages: the database's continuation, sealed with AES-GCM and bound to
 * the list it continues, so that a client can neither read, forge nor reuse it for another list. Every
 * frontend instance must use the same key.
 */
public final class SkipTokens {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SkipTokens(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a skip token key is 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** Seals {@code continuation} for the list at {@code listPath}. */
    String seal(String continuation, String listPath) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, listPath);
            byte[] sealed = cipher.doFinal(continuation.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The continuation in {@code token}, if it was sealed for the list at {@code listPath}.
     *
     * @throws io.aro.rp.api.CloudErrorException 400 when the token is not one this RP issued for the list
     */
    String open(String token, String listPath) {
        try {
            byte[] data = Base64.getUrlDecoder().decode(token);
            if (data.length < NONCE_BYTES + TAG_BITS / 8) {
                // Shorter than a nonce and a tag: GCM would fail with a provider error rather than a bad tag.
                throw new IllegalArgumentException("too short");
            }
            byte[] nonce = java.util.Arrays.copyOf(data, NONCE_BYTES);
            byte[] plain = cipher(Cipher.DECRYPT_MODE, nonce, listPath).doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | java.security.ProviderException e) {
            throw ValidationErrors.invalidParameter("$skipToken", "The provided skip token is invalid.");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String listPath) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(listPath.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
