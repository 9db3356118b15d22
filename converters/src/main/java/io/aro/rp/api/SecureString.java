package io.aro.rp.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret: a client secret, pull secret, kubeadmin password or kubeconfig. A distinct type so that it
 * cannot be mistaken for an ordinary string: {@link #toString()} never shows the value, converters
 * never copy it into a response, and the database encrypts it at rest.
 */
public final class SecureString {
    private final String value;

    private SecureString(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static SecureString of(String value) {
        return new SecureString(value);
    }

    /** The plain value, for the few places that must use it (encryption, credentials responses, Azure calls). */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecureString other
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
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
