package io.aro.rp.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A secret: a client secret, pull secret, kubeadmin password or kubeconfig. A distinct type so that it
 * cannot be mistaken for an ordinary string: {@link #toString()} never shows the value, converters
 * never copy it into a response, and the database encrypts it at rest.
 */
public final class SecureString {
    private Supplier<String> source;
    private volatile String value;

    private SecureString(String value, Supplier<String> source) {
        this.value = value;
        this.source = source;
    }

    public static SecureString of(String value) {
        return new SecureString(Objects.requireNonNull(value, "value"), null);
    }

    /**
     * A secret whose value {@code source} makes when it is first revealed, and only then: the database's
     * secrets are decrypted when used, not on every read of a document (most reads, a GET, use none).
     */
    public static SecureString revealedBy(Supplier<String> source) {
        return new SecureString(null, Objects.requireNonNull(source, "source"));
    }

    /** The plain value, for the few places that must use it (encryption, credentials responses, Azure calls). */
    public String reveal() {
        String revealed = value;
        if (revealed == null) {
            synchronized (this) {
                if (value == null) {
                    value = Objects.requireNonNull(source.get(), "value");
                    source = null;
                }
                revealed = value;
            }
        }
        return revealed;
    }

    public boolean isEmpty() {
        return reveal().isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecureString other
                && MessageDigest.isEqual(reveal().getBytes(StandardCharsets.UTF_8), other.reveal().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return 0; // a hash of the value would leak information about it
    }

    @Override
    public String toString() {
        return "SecureString[redacted]";
    }
}
