package io.aro.rp.frontend.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * ARO's "subject name and issuer" rule, for the admin API (and ARM in development): the caller's
 * certificate must chain to a CA of a bundle and carry an allowed common name.
 */
public final class SubjectNameAndIssuer implements ClientAuthorizer {
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private final Set<TrustAnchor> anchors;
    private final String commonName;

    public SubjectNameAndIssuer(List<X509Certificate> caBundle, String commonName) {
        if (caBundle.isEmpty()) {
            throw new IllegalArgumentException("the CA bundle holds no certificate");
        }
        if (commonName == null || commonName.isEmpty()) {
            throw new IllegalArgumentException("the client certificate's common name is empty");
        }
        this.anchors = caBundle.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toUnmodifiableSet());
        this.commonName = commonName;
    }

    /** The rule of a CA bundle in a PEM file. */
    public static SubjectNameAndIssuer fromFile(Path caBundle, String commonName) {
        try {
            return new SubjectNameAndIssuer(Pem.certificates(Files.readString(caBundle)), commonName);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA bundle " + caBundle, e);
        }
    }

    @Override
    public boolean isAuthorized(List<X509Certificate> chain) {
        if (chain.isEmpty() || !commonName.equals(commonName(chain.get(0)))) {
            return false;
        }
        try {
            List<String> usages = chain.get(0).getExtendedKeyUsage();
            if (usages != null && !usages.contains(CLIENT_AUTH)) {
                return false;
            }
            // the path ends below the trust anchor: a caller that also sends the CA must not make it part of the path
            List<X509Certificate> path0 = chain.stream().filter(c -> anchors.stream().noneMatch(a -> a.getTrustedCert().equals(c))).toList();
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(path0);
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public boolean isReady() {
        return true;
    }

    static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (InvalidNameException e) {
            return null;
        }
        return null;
    }
}
