package io.aro.rp.frontend.tls;

import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * A Key Vault certificate, as ARO loads its TLS certificates: read through the certificate's secret
 * (which holds the key), in PEM or PKCS#12 as the certificate's policy says. Key Vault's auto-renewal
 * makes a new version under the same name, which the next reload serves.
 */
public final class KeyVaultCertificate implements CertificateSource {
    private final SecretClient secrets;
    private final String name;

    /**
     * @param secrets the vault's secrets, as the RP's identity
     * @param name the certificate's name
     */
    public KeyVaultCertificate(SecretClient secrets, String name) {
        this.secrets = secrets;
        this.name = name;
    }

    @Override
    public KeyMaterial load() {
        KeyVaultSecret secret = secrets.getSecret(name);
        String contentType = secret.getProperties().getContentType();
        if ("application/x-pkcs12".equalsIgnoreCase(contentType)) {
            return fromPkcs12(Base64.getMimeDecoder().decode(secret.getValue()));
        }
        return Pem.keyMaterial(secret.getValue(), secret.getValue());
    }

    @Override
    public String describe() {
        return "Key Vault certificate '" + name + "' in " + secrets.getVaultUrl();
    }

    private static KeyMaterial fromPkcs12(byte[] pkcs12) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), new char[0]);
            for (String alias : Collections.list(store.aliases())) {
                Key key = store.getKey(alias, new char[0]);
                if (key instanceof PrivateKey privateKey) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate certificate : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) certificate);
                    }
                    return new KeyMaterial(privateKey, chain);
                }
            }
            throw new IllegalArgumentException("the PKCS#12 certificate holds no private key");
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("the PKCS#12 certificate cannot be read: " + e.getMessage(), e);
        }
    }
}
