package io.aro.rp.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the frontend's listener is secured.
 *
 * <table>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>ARO_TLS_CERT, ARO_TLS_KEY</td><td>–</td><td>PEM files of the server certificate (leaf first, then intermediates)
 *     and its private key; re-read every ARO_TLS_RELOAD_INTERVAL</td></tr>
 * <tr><td>ARO_KEYVAULT_URI, ARO_TLS_CERTIFICATE_NAME</td><td>–</td><td>instead: a Key Vault certificate, read with the RP's identity</td></tr>
 * <tr><td>ARO_TLS_RELOAD_INTERVAL</td><td>PT1M</td><td>how often the certificate is read again, so a rotation is served</td></tr>
 * <tr><td>ARO_ARM_METADATA_URL</td><td>–</td><td>ARM's metadata endpoint: the customer API accepts the client certificates it lists</td></tr>
 * <tr><td>ARO_ARM_METADATA_REFRESH</td><td>PT1H</td><td>how often ARM's certificates are fetched again</td></tr>
 * <tr><td>ARO_ARM_CLIENT_CA, ARO_ARM_CLIENT_CN</td><td>–</td><td>instead (development): a CA bundle and the common name ARM's
 *     certificate must have</td></tr>
 * <tr><td>ARO_ADMIN_CLIENT_CA, ARO_ADMIN_CLIENT_CN</td><td>–</td><td>the CA bundle and common name of SREs' certificates (the admin
 *     API refuses everyone without them)</td></tr>
 * </table>
 */
public record EdgeConfiguration(Path tlsCert, Path tlsKey, URI keyVaultUri, String tlsCertificateName, Duration tlsReloadInterval,
        URI armMetadataUrl, Duration armMetadataRefresh, Path armClientCa, String armClientCn, Path adminClientCa, String adminClientCn) {

    public EdgeConfiguration {
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("ARO_TLS_CERT and ARO_TLS_KEY go together");
        }
        if ((keyVaultUri == null) != (tlsCertificateName == null)) {
            throw new IllegalArgumentException("ARO_KEYVAULT_URI and ARO_TLS_CERTIFICATE_NAME go together");
        }
        if (tlsCert != null && keyVaultUri != null) {
            throw new IllegalArgumentException("the TLS certificate comes from files (ARO_TLS_CERT) or from Key Vault (ARO_KEYVAULT_URI), not both");
        }
        if ((armClientCa == null) != (armClientCn == null)) {
            throw new IllegalArgumentException("ARO_ARM_CLIENT_CA and ARO_ARM_CLIENT_CN go together");
        }
        if (armMetadataUrl != null && armClientCa != null) {
            throw new IllegalArgumentException("ARM is recognised by its metadata (ARO_ARM_METADATA_URL) or by a CA (ARO_ARM_CLIENT_CA), not both");
        }
        if ((adminClientCa == null) != (adminClientCn == null)) {
            throw new IllegalArgumentException("ARO_ADMIN_CLIENT_CA and ARO_ADMIN_CLIENT_CN go together");
        }
        // the parameters, not tls() and armAuthentication(): a compact constructor runs before the fields are set
        if (tlsCert == null && keyVaultUri == null && (armMetadataUrl != null || armClientCa != null || adminClientCa != null)) {
            throw new IllegalArgumentException(
                    "client certificates need TLS: set ARO_TLS_CERT and ARO_TLS_KEY, or ARO_KEYVAULT_URI and ARO_TLS_CERTIFICATE_NAME");
        }
    }

    /** Whether the listener serves HTTPS. */
    public boolean tls() {
        return tlsCert != null || keyVaultUri != null;
    }

    /** Whether callers of the customer API must be ARM. */
    public boolean armAuthentication() {
        return armMetadataUrl != null || armClientCa != null;
    }

    static EdgeConfiguration fromEnvironment(Map<String, String> env) {
        return new EdgeConfiguration(path(env, "ARO_TLS_CERT"), path(env, "ARO_TLS_KEY"), uri(env, "ARO_KEYVAULT_URI"),
                blankToNull(env.get("ARO_TLS_CERTIFICATE_NAME")), Duration.parse(env.getOrDefault("ARO_TLS_RELOAD_INTERVAL", "PT1M")),
                uri(env, "ARO_ARM_METADATA_URL"), Duration.parse(env.getOrDefault("ARO_ARM_METADATA_REFRESH", "PT1H")),
                path(env, "ARO_ARM_CLIENT_CA"), blankToNull(env.get("ARO_ARM_CLIENT_CN")), path(env, "ARO_ADMIN_CLIENT_CA"),
                blankToNull(env.get("ARO_ADMIN_CLIENT_CN")));
    }

    private static Path path(Map<String, String> env, String name) {
        String value = blankToNull(env.get(name));
        return value == null ? null : Path.of(value);
    }

    private static URI uri(Map<String, String> env, String name) {
        String value = blankToNull(env.get(name));
        return value == null ? null : URI.create(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
