package io.aro.rp.frontend.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** Certificate thumbprints as ARM and the logs name them. */
public final class Thumbprints {
    private Thumbprints() {
    }

    /** SHA-1 in upper-case hex: what ARM's metadata and Azure's tooling call a thumbprint. */
    public static String sha1(X509Certificate certificate) {
        return digest("SHA-1", certificate);
    }

    /** SHA-256 in upper-case hex. */
    public static String sha256(X509Certificate certificate) {
        return digest("SHA-256", certificate);
    }

    private static String digest(String algorithm, X509Certificate certificate) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance(algorithm).digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
