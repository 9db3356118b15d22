package io.aro.rp.frontend.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The certificate chain and key in PEM files (ARO_TLS_CERT, ARO_TLS_KEY), which a secret mount or a sidecar rotates in place. */
public record PemFiles(Path certificate, Path key) implements CertificateSource {
    @Override
    public KeyMaterial load() {
        try {
            return Pem.keyMaterial(Files.readString(certificate), Files.readString(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + certificate + " or " + key, e);
        }
    }

    @Override
    public String describe() {
        return certificate + " and " + key;
    }
}
