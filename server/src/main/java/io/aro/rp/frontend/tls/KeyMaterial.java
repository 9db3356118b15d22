package io.aro.rp.frontend.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A server certificate with its chain and private key.
 *
 * @param key the private key of the leaf certificate
 * @param chain the leaf certificate first, then the intermediates the server presents
 */
public record KeyMaterial(PrivateKey key, List<X509Certificate> chain) {
    public KeyMaterial {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a server certificate needs at least its own certificate");
        }
    }

    X509Certificate leaf() {
        return chain.get(0);
    }

    /** The leaf certificate's SHA-256 fingerprint, which tells two versions apart. */
    String fingerprint() {
        return Thumbprints.sha256(leaf());
    }

    @Override
    public String toString() {
        return "KeyMaterial[subject=" + leaf().getSubjectX500Principal() + ", notAfter=" + leaf().getNotAfter() + ", key redacted]";
    }
}
