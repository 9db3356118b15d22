package io.aro.rp.frontend.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TLS listener's certificate, read again from its source at an interval so that a rotated
 * certificate is served without a restart (new handshakes get it; open connections keep theirs). A
 * reload that fails keeps the certificate being served and is logged.
 *
 * <p>Client certificates are requested but not verified here: which caller may call which route is the
 * frontend's decision ({@link ClientAuthorizer}), made per request, as ARO's does.
 */
public final class ServerCertificate extends X509ExtendedKeyManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificate.class);

    private final CertificateSource source;
    private final ScheduledExecutorService reloads;
    private volatile KeyMaterial current;
    /** The one served before the last rotation: a handshake that chose it just before still finds its key. */
    private volatile KeyMaterial previous;

    private ServerCertificate(CertificateSource source, KeyMaterial first) {
        this.source = source;
        this.current = first;
        this.previous = first;
        this.reloads = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tls-certificate-reload");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Reads the certificate and reloads it every {@code interval}.
     *
     * @throws IllegalStateException when it cannot be read at start: the RP does not start without it
     */
    public static ServerCertificate start(CertificateSource source, Duration interval) {
        KeyMaterial first;
        try {
            first = source.load();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the TLS certificate from " + source.describe() + ": " + e.getMessage(), e);
        }
        ServerCertificate certificate = new ServerCertificate(source, first);
        certificate.reloads.scheduleWithFixedDelay(certificate::reload, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.atInfo().addKeyValue("subject", first.leaf().getSubjectX500Principal().getName()).addKeyValue("notAfter", first.leaf().getNotAfter())
                .log("serving TLS with the certificate from {}", source.describe());
        return certificate;
    }

    /** Reads the source again and serves what it holds if it changed. */
    public void reload() {
        try {
            KeyMaterial loaded = source.load();
            if (!loaded.fingerprint().equals(current.fingerprint())) {
                previous = current;
                current = loaded;
                LOG.atInfo().addKeyValue("subject", loaded.leaf().getSubjectX500Principal().getName()).addKeyValue("notAfter", loaded.leaf().getNotAfter())
                        .addKeyValue("thumbprint", Thumbprints.sha1(loaded.leaf())).log("serving a rotated TLS certificate");
            }
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("source", source.describe()).log("cannot reload the TLS certificate; serving the one it has: {}", e.getMessage());
        }
    }

    /** A TLS 1.2+ server context that serves this certificate and asks clients for theirs. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new javax.net.ssl.KeyManager[] {this}, new TrustManager[] {new AnyClientCertificate()}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return chooseServerAlias(keyType, issuers, null);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        KeyMaterial material = current;
        return material.key().getAlgorithm().equalsIgnoreCase(keyType) ? material.fingerprint() : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        KeyMaterial material = byAlias(alias);
        return material == null ? null : material.chain().toArray(X509Certificate[]::new);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        KeyMaterial material = byAlias(alias);
        return material == null ? null : material.key();
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        String alias = chooseServerAlias(keyType, issuers, null);
        return alias == null ? null : new String[] {alias};
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    private KeyMaterial byAlias(String alias) {
        KeyMaterial now = current;
        if (now.fingerprint().equals(alias)) {
            return now;
        }
        KeyMaterial before = previous;
        return before.fingerprint().equals(alias) ? before : null;
    }

    @Override
    public void close() {
        reloads.shutdownNow();
    }

    /** Takes any client certificate (or none): the frontend authorizes the caller per route. */
    private static final class AnyClientCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("a server does not check servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("a server does not check servers");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("a server does not check servers");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
