package io.aro.rp.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made in the test (Bouncy Castle): a CA, server certificates for 127.0.0.1, client
 * certificates for ARM and SREs, expired ones; as PEM files for the RP and as SSL contexts for the JDK's
 * HTTP client.
 */
public final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    /** A certificate and its key. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
        /** The certificate in PEM. */
        public String certificatePem() {
            return pem(certificate);
        }

        /** The key in PEM (PKCS#8). */
        public String keyPem() {
            return pem(key);
        }

        /** Writes the certificate (with {@code chain} after it) and the key as PEM files in {@code dir}; returns {cert, key}. */
        public Path[] write(Path dir, String name, X509Certificate... chain) {
            try {
                StringBuilder certs = new StringBuilder(certificatePem());
                for (X509Certificate c : chain) {
                    certs.append(pem(c));
                }
                Path cert = Files.writeString(dir.resolve(name + ".crt"), certs);
                Path key = Files.writeString(dir.resolve(name + ".key"), keyPem());
                return new Path[] {cert, key};
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private TestCertificates() {
    }

    /** A self-signed CA. */
    public static Issued ca(String commonName) {
        KeyPair keys = keys();
        return new Issued(build(new X500Name("CN=" + commonName), keys, new X500Name("CN=" + commonName), keys.getPrivate(), true, null, null,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365))), keys.getPrivate());
    }

    /** A server certificate for 127.0.0.1 and localhost, signed by {@code ca}. */
    public static Issued server(Issued ca, String commonName) {
        KeyPair keys = keys();
        GeneralNames names = new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.dNSName, "localhost")});
        return new Issued(build(new X500Name("CN=" + commonName), keys, subject(ca), ca.key(), false, names, KeyPurposeId.id_kp_serverAuth,
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30))), keys.getPrivate());
    }

    /** A client certificate signed by {@code ca}, valid from {@code notBefore} to {@code notAfter}. */
    public static Issued client(Issued ca, String commonName, Instant notBefore, Instant notAfter) {
        KeyPair keys = keys();
        return new Issued(build(new X500Name("CN=" + commonName), keys, subject(ca), ca.key(), false, null, KeyPurposeId.id_kp_clientAuth,
                notBefore, notAfter), keys.getPrivate());
    }

    /** A client certificate signed by {@code ca}, valid now. */
    public static Issued client(Issued ca, String commonName) {
        return client(ca, commonName, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
    }

    /** An SSL context that trusts {@code serverCa} and presents {@code client} (or no certificate when null). */
    public static SSLContext clientContext(Issued serverCa, Issued client) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", serverCa.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManager[] keyManagers = client == null ? new KeyManager[0] : new KeyManager[] {new SingleKeyManager(client)};
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, tmf.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Presents one certificate whatever the server asks for, as ARM's client does. */
    private static final class SingleKeyManager extends X509ExtendedKeyManager {
        private final Issued client;

        SingleKeyManager(Issued client) {
            this.client = client;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, javax.net.ssl.SSLEngine engine) {
            return "client";
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[] {"client"};
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return "client";
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return new X509Certificate[] {client.certificate()};
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return client.key();
        }
    }

    private static X500Name subject(Issued issued) {
        return new X500Name(issued.certificate().getSubjectX500Principal().getName());
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate build(X500Name subject, KeyPair keys, X500Name issuer, PrivateKey issuerKey, boolean ca, GeneralNames names,
            KeyPurposeId purpose, Instant notBefore, Instant notAfter) {
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (names != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, names);
            }
            if (purpose != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object instanceof PrivateKey key ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null) : object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
