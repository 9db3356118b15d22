package io.aro.rp.frontend;

import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.frontend.tls.ClientAuthorizer;
import io.aro.rp.frontend.tls.Thumbprints;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call which route (ARO's authenticate middleware), by the client certificate of the TLS
 * connection: ARM's for the customer API (and ARM's subscription notifications and operations), an
 * SRE's for the admin API; the health routes need none. A refused caller gets 403 {@code Forbidden},
 * and the refusal is logged with the certificate's subject and thumbprint.
 *
 * <p>On the local plain-HTTP listener (127.0.0.1 only) there is no certificate and no check.
 */
public final class CallerAuthentication {
    private static final Logger LOG = LoggerFactory.getLogger(CallerAuthentication.class);
    /** Where Grizzly hands the connection's client certificates to Jersey. */
    static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final ClientAuthorizer arm;
    private final ClientAuthorizer admin;

    private CallerAuthentication(ClientAuthorizer arm, ClientAuthorizer admin) {
        this.arm = arm;
        this.admin = admin;
    }

    /** ARM's certificate for the customer routes, {@code admin}'s rule for the admin routes. */
    public static CallerAuthentication of(ClientAuthorizer arm, ClientAuthorizer admin) {
        return new CallerAuthentication(arm, admin);
    }

    /** No check: the local plain listener, which only the local machine reaches. */
    public static CallerAuthentication none() {
        return new CallerAuthentication(null, null);
    }

    /** Whether the customer routes can be authorized: ARM's current certificates are known. */
    public boolean isReady() {
        return arm == null || arm.isReady();
    }

    /** Refuses the request unless its caller may call its route; records who called. */
    void check(ContainerRequestContext context, ArmRequest request) {
        if (arm == null) {
            return;
        }
        String path = context.getUriInfo().getRequestUri().getRawPath().replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
        if (path.equals("/healthz") || path.startsWith("/healthz/")) {
            return;
        }
        boolean adminRoute = path.equals("/admin") || path.startsWith("/admin/");
        List<X509Certificate> chain = chain(context.getProperty(CERTIFICATES));
        if (!chain.isEmpty()) {
            request.caller(chain.get(0).getSubjectX500Principal().getName());
        }
        if ((adminRoute ? admin : arm).isAuthorized(chain)) {
            return;
        }
        LOG.atWarn().addKeyValue("routes", adminRoute ? "admin" : "customer").addKeyValue("path", request.originalPath())
                .addKeyValue("subject", chain.isEmpty() ? null : chain.get(0).getSubjectX500Principal().getName())
                .addKeyValue("issuer", chain.isEmpty() ? null : chain.get(0).getIssuerX500Principal().getName())
                .addKeyValue("thumbprint", chain.isEmpty() ? null : Thumbprints.sha1(chain.get(0)))
                .log(chain.isEmpty() ? "refused a caller without a client certificate" : "refused a caller's client certificate");
        throw new CloudError(403, new CloudErrorBody("Forbidden", "Forbidden.", null, null)).toException();
    }

    private static List<X509Certificate> chain(Object property) {
        return property instanceof X509Certificate[] certificates ? List.of(certificates) : List.of();
    }
}
