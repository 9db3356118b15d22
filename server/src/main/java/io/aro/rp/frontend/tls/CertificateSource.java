package io.aro.rp.frontend.tls;

/** Where the server's certificate comes from; read again at every reload, so that a rotation is picked up. */
public interface CertificateSource {
    /**
     * The certificate as it is now.
     *
     * @throws RuntimeException when it cannot be read; the server keeps the certificate it has
     */
    KeyMaterial load();

    /** Where it comes from, for the logs. */
    String describe();
}
