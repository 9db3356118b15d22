package io.aro.rp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.api.OpenShiftVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The RP's configuration: defaults for a local run, and refusals of what cannot run. */
class RpConfigurationTest {
    @Test
    void aChoiceOutsideItsValuesNamesThem() {
        assertEquals("ARO_DATABASE must be one of embedded, cosmos, not mongo", assertThrows(IllegalArgumentException.class,
                () -> RpConfiguration.fromEnvironment(Map.of("ARO_DATABASE", "mongo"))).getMessage());
        assertEquals("ARO_AZURE_CREDENTIAL must be one of default, managed-identity, client-certificate, not cli", assertThrows(
                IllegalArgumentException.class, () -> RpConfiguration.fromEnvironment(Map.of("ARO_AZURE_CREDENTIAL", "cli"))).getMessage());
        assertEquals(AzureCredentialKind.MANAGED_IDENTITY,
                RpConfiguration.fromEnvironment(Map.of("ARO_AZURE_CREDENTIAL", "managed-identity")).azure().credential());
    }

    @Test
    void theNamedSettingsHaveTheirDefaultsAndCanBeSet() {
        RpConfiguration defaults = RpConfiguration.fromEnvironment(Map.of());
        assertEquals(10, defaults.pageSize());
        assertEquals(5, defaults.maxDequeues());
        assertEquals(Duration.ofMinutes(10), defaults.subscriptionRetryDelay());
        RpConfiguration set = RpConfiguration.fromEnvironment(Map.of("ARO_PAGE_SIZE", "50", "ARO_COSMOS_THROTTLING_WAIT", "PT1M"));
        assertEquals(50, set.pageSize());
        assertEquals(Duration.ofMinutes(1), set.cosmosThrottlingWait());
    }

    @Test
    void theLocalRunNeedsNothing() {
        RpConfiguration config = RpConfiguration.fromEnvironment(Map.of());
        assertEquals(CloudKind.SIMULATED, config.cloud());
        assertEquals(List.of("4.13.40", "4.14.38"), config.installableVersionNames());
        assertEquals("4.14.38", config.defaultVersion());
        assertEquals("quay.io/openshift-release-dev/ocp-release:4.14.38-x86_64", config.installableVersions().get(1).openShiftPullspec());
        assertEquals("arosvc.azurecr.io/aro-installer:release-4.14", config.installableVersions().get(1).installerPullspec());
    }

    @Test
    void versionsCarryTheirPullspecs() {
        assertEquals(List.of(new OpenShiftVersion("4.15.27", "quay.io/ocp-release@sha256:aaa", "quay.io/aro-installer@sha256:bbb"),
                OpenShiftVersion.withDefaultPullspecs("4.14.38")),
                RpConfiguration.parseVersions(" 4.15.27=quay.io/ocp-release@sha256:aaa|quay.io/aro-installer@sha256:bbb , 4.14.38"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RpConfiguration.parseVersions("4.15.27=only-one"))
                .getMessage().contains("version=releasePullspec|installerPullspec"));
    }

    @Test
    void azureNeedsHiveAndTheManagedDomainsZone() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RpConfiguration.fromEnvironment(Map.of("ARO_CLOUD", "azure")))
                .getMessage().contains("ARO_HIVE_KUBECONFIG"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RpConfiguration.fromEnvironment(Map.of("ARO_CLOUD", "azure",
                "ARO_HIVE_KUBECONFIG", "/etc/hive/kubeconfig"))).getMessage().contains("ARO_MANAGED_DOMAIN_ZONE_ID"));
        RpConfiguration config = RpConfiguration.fromEnvironment(Map.of("ARO_CLOUD", "azure", "ARO_HIVE_KUBECONFIG", "/etc/hive/kubeconfig",
                "ARO_MANAGED_DOMAIN", ""));
        assertEquals(Path.of("/etc/hive/kubeconfig"), config.hiveKubeconfig());
        assertFalse(config.azure().workloadIdentity(), "managed identity clusters need their own settings");
    }

    @Test
    void managedIdentityClustersNeedTheOidcStorageAndTheDataPlaneAudienceTogether() {
        Map<String, String> azure = Map.of("ARO_CLOUD", "azure", "ARO_HIVE_KUBECONFIG", "/etc/hive/kubeconfig", "ARO_MANAGED_DOMAIN", "");
        Map<String, String> partial = new HashMap<>(azure);
        partial.put("ARO_OIDC_BLOB_ENDPOINT", "https://arooidc.blob.core.windows.net/");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RpConfiguration.fromEnvironment(partial)).getMessage()
                .contains("ARO_MSI_DATAPLANE_AUDIENCE"));
        Map<String, String> all = new HashMap<>(partial);
        all.put("ARO_OIDC_ISSUER_ENDPOINT", "https://arooidc.z13.web.core.windows.net/");
        all.put("ARO_MSI_DATAPLANE_AUDIENCE", "https://msi.example.net");
        AzureConfiguration config = RpConfiguration.fromEnvironment(all).azure();
        assertTrue(config.workloadIdentity());
        assertEquals("https://arooidc.z13.web.core.windows.net/", config.oidcIssuerEndpoint().toString());
    }

    @Test
    void startingOnAzureWithoutHiveExitsNonZeroWithTheReason() throws IOException, InterruptedException {
        String err = refusedStart(Map.of(), "--cloud", "azure");
        assertTrue(err.startsWith("aro-rp-server: ARO_CLOUD=azure installs clusters through Hive: set ARO_HIVE_KUBECONFIG"), err);
    }

    @Test
    void listeningBeyondThisMachineWithoutTlsAndArmsAuthenticationIsRefused() throws IOException, InterruptedException {
        String err = refusedStart(Map.of("ARO_LISTEN", "http://0.0.0.0:8080/"));
        assertTrue(err.startsWith("aro-rp-server: refusing to listen on 0.0.0.0 without TLS and ARM's client authentication"), err);

        assertTrue(assertThrows(IllegalArgumentException.class, () -> RpConfiguration.fromEnvironment(Map.of("ARO_LISTEN", "https://0.0.0.0:8443/",
                "ARO_TLS_CERT", "/etc/aro/tls.crt", "ARO_TLS_KEY", "/etc/aro/tls.key"))).getMessage().contains("refusing to listen"),
                "TLS alone is not enough: anyone could still call");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RpConfiguration.fromEnvironment(Map.of("ARO_LISTEN", "https://127.0.0.1:8443/")))
                .getMessage().contains("no TLS certificate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RpConfiguration.fromEnvironment(Map.of("ARO_TLS_CERT", "/etc/aro/tls.crt",
                "ARO_TLS_KEY", "/etc/aro/tls.key"))).getMessage().contains("must be an https:// URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RpConfiguration.fromEnvironment(Map.of("ARO_ARM_METADATA_URL",
                "https://management.azure.com:24582/metadata/authentication?api-version=2015-01-01"))).getMessage().contains("need TLS"));

        RpConfiguration production = RpConfiguration.fromEnvironment(Map.of("ARO_LISTEN", "https://0.0.0.0:8443/", "ARO_TLS_CERT", "/etc/aro/tls.crt",
                "ARO_TLS_KEY", "/etc/aro/tls.key", "ARO_ARM_METADATA_URL", "https://management.azure.com:24582/metadata/authentication?api-version=2015-01-01",
                "ARO_ADMIN_CLIENT_CA", "/etc/aro/sre-ca.pem", "ARO_ADMIN_CLIENT_CN", "sre.aro.example.com"));
        assertTrue(production.edge().tls() && production.edge().armAuthentication());
        assertTrue(RpConfiguration.isLoopback("127.0.0.1") && RpConfiguration.isLoopback("[::1]") && RpConfiguration.isLoopback("localhost"));
        assertTrue(!RpConfiguration.isLoopback("0.0.0.0") && !RpConfiguration.isLoopback("127.0.0.1.example.com"));
    }

    /** Starts the RP's executable with {@code env} and {@code args}; asserts it refuses with exit code 2 and no stack trace; returns what it said. */
    private static String refusedStart(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.aro.rp.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("ARO_") || name.startsWith("KUBERNETES_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, process.exitValue(), err);
        assertTrue(!err.contains("\tat "), "no stack trace: " + err);
        return err;
    }
}
