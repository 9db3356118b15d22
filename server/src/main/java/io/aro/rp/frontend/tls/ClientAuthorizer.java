package io.aro.rp.frontend.tls;

import java.security.cert.X509Certificate;
import java.util.List;

/** Whether the certificate a caller presented lets it call (ARO's ClientAuthorizer). */
public interface ClientAuthorizer {
    /**
     * @param chain the caller's certificate first, then the intermediates it sent; empty when it sent none
     */
    boolean isAuthorized(List<X509Certificate> chain);

    /** Whether the authorizer can decide at all (ARM's: it holds ARM's current certificates). */
    boolean isReady();

    /** An authorizer that refuses every caller: a route family that is not configured. */
    static ClientAuthorizer refuseAll() {
        return new ClientAuthorizer() {
            @Override
            public boolean isAuthorized(List<X509Certificate> chain) {
                return false;
            }

            @Override
            public boolean isReady() {
                return true;
            }
        };
    }
}
