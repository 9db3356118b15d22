package io.aro.rp.frontend.tls;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** PEM certificates and private keys in the formats operators and Key Vault hand out: PKCS#8, PKCS#1 (RSA) and SEC1 (EC) keys. */
public final class Pem {
    private Pem() {
    }

    /** The certificates of a PEM text, in order. */
    public static List<X509Certificate> certificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : objects(pem)) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                } catch (CertificateException e) {
                    throw new IllegalArgumentException("a PEM certificate cannot be read: " + e.getMessage(), e);
                }
            }
        }
        return certificates;
    }

    /** The first private key of a PEM text. */
    public static PrivateKey privateKey(String pem) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try {
            for (Object object : objects(pem)) {
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("a PEM private key cannot be read: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("no unencrypted private key in the PEM text");
    }

    /** A server certificate from PEM texts: the chain (leaf first) and the key, which may also be in one text. */
    public static KeyMaterial keyMaterial(String certificatesPem, String keyPem) {
        List<X509Certificate> chain = certificates(certificatesPem);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("no certificate in the PEM text");
        }
        return new KeyMaterial(privateKey(keyPem), chain);
    }

    private static List<Object> objects(String pem) {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not PEM: " + e.getMessage(), e);
        }
        return objects;
    }
}
