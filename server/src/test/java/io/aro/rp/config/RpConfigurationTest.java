package io.aro.rp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aro.rp.api.OpenShiftVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The RP's configuration: defaults for a local run, and refusals of what cannot run. */
class RpConfigurationTest {
    @Test
    void theLocalRunNeedsNothing() {
        RpConfiguration config = RpConfiguration.fromEnvironment(Map.of());
        assertEquals("simulated", config.cloud());
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
    }

    @Test
    void startingOnAzureWithoutHiveExitsNonZeroWithTheReason() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.aro.rp.Main", "--cloud", "azure");
        builder.environment().keySet().removeIf(name -> name.startsWith("ARO_") || name.startsWith("KUBERNETES_"));
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, process.exitValue(), err);
        assertTrue(err.startsWith("aro-rp-server: ARO_CLOUD=azure installs clusters through Hive: set ARO_HIVE_KUBECONFIG"), err);
        assertTrue(!err.contains("\tat "), "no stack trace: " + err);
    }
}
