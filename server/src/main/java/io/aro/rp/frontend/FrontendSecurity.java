package io.aro.rp.frontend;

import io.aro.rp.frontend.tls.ServerCertificate;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;

/**
 * How the frontend's listener is secured: HTTPS with the server certificate (TLS 1.2 and 1.3 only, client
 * certificates requested) and who may call what, or plain HTTP for a local run with no check.
 *
 * @param certificate the server certificate, or null for plain HTTP
 * @param authentication which caller may call which route
 */
public record FrontendSecurity(ServerCertificate certificate, CallerAuthentication authentication) {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    /** Plain HTTP with no caller check: only for the local listener on 127.0.0.1. */
    public static FrontendSecurity plain() {
        return new FrontendSecurity(null, CallerAuthentication.none());
    }

    boolean isTls() {
        return certificate != null;
    }

    /** Grizzly's TLS for the listener: the reloading certificate, client certificates wanted (not required: health needs none). */
    SSLEngineConfigurator sslEngineConfigurator() {
        SSLEngineConfigurator configurator = new SSLEngineConfigurator(certificate.sslContext(), false, false, true);
        configurator.setEnabledProtocols(PROTOCOLS);
        return configurator;
    }
}
