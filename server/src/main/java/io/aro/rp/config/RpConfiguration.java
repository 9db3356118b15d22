package io.aro.rp.config;

import io.aro.rp.api.OpenShiftVersion;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The RP's configuration, read from environment variables (all optional for a local run). Secrets
 * (Cosmos DB key, encryption keys) are never part of {@link #toString()}.
 *
 * <table>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>ARO_LISTEN</td><td>http://127.0.0.1:8080/</td><td>where the frontend listens: https with TLS (see {@link EdgeConfiguration});
 *     anything but a loopback address needs TLS and ARM's client authentication</td></tr>
 * <tr><td>ARO_MANAGEMENT_LISTEN</td><td>http://127.0.0.1:8081/</td><td>where Prometheus metrics ({@code /metrics}) and the probes
 *     ({@code /healthz/live}, {@code /healthz/ready}) are served, in every role; empty for none</td></tr>
 * <tr><td>ARO_LOCATION</td><td>eastus</td><td>the RP's region</td></tr>
 * <tr><td>ARO_MANAGED_DOMAIN</td><td>{location}.aroapp.io</td><td>the RP's managed DNS domain; empty for none</td></tr>
 * <tr><td>ARO_INSTALLABLE_VERSIONS</td><td>4.13.40,4.14.38</td><td>OpenShift versions new clusters may use, comma separated, each
 *     {@code version} or {@code version=releasePullspec|installerPullspec} (see {@link #parseVersions})</td></tr>
 * <tr><td>ARO_DEFAULT_VERSION</td><td>the last installable one</td><td>the version of a cluster whose request names none</td></tr>
 * <tr><td>ARO_PLATFORM_WORKLOAD_IDENTITY_ROLE_SETS</td><td>built in (4.14, 4.15)</td><td>a JSON file of the role sets a new database
 *     starts with (see {@link PlatformWorkloadIdentityRoleSetSeed})</td></tr>
 * <tr><td>ARO_DATABASE</td><td>embedded</td><td>{@code embedded} or {@code cosmos}</td></tr>
 * <tr><td>ARO_DATA_DIR</td><td>./data</td><td>the embedded store's directory (and its generated encryption key)</td></tr>
 * <tr><td>ARO_EMBEDDED_FSYNC</td><td>true</td><td>force each embedded write to disk</td></tr>
 * <tr><td>ARO_COSMOS_ENDPOINT, ARO_COSMOS_KEY, ARO_COSMOS_DATABASE, ARO_COSMOS_DIRECT, ARO_COSMOS_ENDPOINT_DISCOVERY</td>
 *     <td>–, identity, ARO, false, true</td><td>Cosmos DB account, key (absent: the RP's Azure identity), database, direct mode,
 *     regional endpoint discovery (off for emulators)</td></tr>
 * <tr><td>ARO_ENCRYPTION_KEYS</td><td>a key generated in ARO_DATA_DIR (embedded only)</td>
 *     <td>base64 AES-256 keys, comma separated, the current one first</td></tr>
 * <tr><td>ARO_LEASE_TTL, ARO_HEARTBEAT, ARO_POLL_INTERVAL, ARO_WORKERS</td><td>PT60S, PT10S, PT1S, 16</td><td>the backend's leases and workers</td></tr>
 * <tr><td>ARO_SHUTDOWN_GRACE, ARO_READINESS_DELAY</td><td>PT30S, PT0S</td><td>how long running steps may finish on SIGTERM; how long
 *     readiness fails before the frontend stops (ARO: 80 s behind a load balancer)</td></tr>
 * <tr><td>ARO_CLOUD</td><td>simulated</td><td>{@code simulated} (local, in ARO_DATA_DIR) or {@code azure} (Azure and Hive)</td></tr>
 * <tr><td>ARO_HIVE_KUBECONFIG</td><td>in-cluster service account</td><td>kubeconfig of Hive's management cluster (azure); without it the
 *     RP must run in a Kubernetes pod whose service account may manage Hive's objects</td></tr>
 * <tr><td>ARO_INSTALL_POLL_INTERVAL, ARO_INSTALL_TIMEOUT</td><td>PT30S, PT60M</td><td>how often an installation in progress is looked
 *     at; how long it may take before the cluster fails</td></tr>
 * <tr><td>ARO_AZURE_*</td><td></td><td>see {@link AzureConfiguration}</td></tr>
 * <tr><td>ARO_TLS_*, ARO_KEYVAULT_URI, ARO_ARM_*, ARO_ADMIN_*</td><td></td><td>see {@link EdgeConfiguration}</td></tr>
 * <tr><td>ARO_RETRY_AFTER</td><td>none, as ARO</td><td>the Retry-After the frontend answers an operation in progress with, which tells
 * clients how long to wait before they poll it again; without it they use their own interval (the Azure SDKs' 30 s)</td></tr>
 * <tr><td>ARO_PAGE_SIZE, ARO_CACHE_TTL</td><td>10, PT10S</td><td>clusters per page of a list; how long a frontend uses a subscription's
 *     state, the versions and the role sets it read before reading them again</td></tr>
 * <tr><td>ARO_SUBSCRIPTION_RETRY_DELAY, ARO_MAX_DEQUEUES, ARO_TRANSIENT_RETRIES</td><td>PT10M, 5, 5</td><td>how long a deleted subscription
 *     waits while its clusters are busy; how often an operation may be taken up without progress; how often a step is retried after a
 *     transient failure</td></tr>
 * <tr><td>ARO_COSMOS_THROTTLING_RETRIES, ARO_COSMOS_THROTTLING_WAIT</td><td>9, PT30S</td><td>how often, and how long at most, the Cosmos DB
 *     SDK retries a throttled (429) request</td></tr>
 * <tr><td>ARO_OTLP_ENDPOINT</td><td>none</td><td>an OpenTelemetry collector's OTLP/HTTP endpoint, such as http://otel-collector:4318/,
 *     that the RP's traces are sent to; without it nothing is traced</td></tr>
 * <tr><td>ARO_HTTP_MAX_HEADER_SIZE, ARO_HTTP_MAX_URL_LENGTH, ARO_HTTP_MAX_BODY_SIZE, ARO_HTTP_IDLE_TIMEOUT, ARO_HTTP_REQUEST_TIMEOUT,
 *     ARO_HTTP_WORKER_THREADS, ARO_HTTP_WRITE_THREADS</td><td>16384, 4096, 1048576, PT5S, PT10S, 4, 32</td><td>see {@link HttpLimits}</td></tr>
 * <tr><td>ARO_SIMULATED_STEP_DELAY</td><td>PT1S</td><td>how long each step of the simulated cloud takes, to watch a lifecycle</td></tr>
 * </table>
 */
public record RpConfiguration(URI listen, EdgeConfiguration edge, String location, String managedDomain, List<OpenShiftVersion> installableVersions,
        String defaultVersion, Path roleSets, DatabaseKind database, Path dataDir, boolean embeddedFsync, String cosmosEndpoint, String cosmosKey, String cosmosDatabase,
        boolean cosmosDirect, boolean cosmosEndpointDiscovery, String encryptionKeys, Duration leaseTtl, Duration heartbeat, Duration pollInterval, int workers,
        Duration shutdownGrace, Duration readinessDelay, CloudKind cloud, AzureConfiguration azure, Path hiveKubeconfig, Duration installPollInterval,
        Duration installTimeout, Duration simulatedStepDelay, Duration retryAfter, URI managementListen, int pageSize, Duration cacheTtl,
        Duration subscriptionRetryDelay, int maxDequeues, int transientRetries, int cosmosThrottlingRetries, Duration cosmosThrottlingWait,
        URI otlpEndpoint, HttpLimits httpLimits) {

    public RpConfiguration {
        Objects.requireNonNull(listen, "listen");
        if (edge.tls() != "https".equalsIgnoreCase(listen.getScheme())) {
            throw new IllegalArgumentException(edge.tls() ? "with a TLS certificate ARO_LISTEN must be an https:// URL, not " + listen
                    : "ARO_LISTEN " + listen + " is https but no TLS certificate is configured (ARO_TLS_CERT and ARO_TLS_KEY, or ARO_KEYVAULT_URI)");
        }
        if (!isLoopback(listen.getHost()) && !(edge.tls() && edge.armAuthentication())) {
            throw new IllegalArgumentException("refusing to listen on " + listen.getHost() + " without TLS and ARM's client authentication: anyone who "
                    + "reaches the port could call the RP. Listen on 127.0.0.1, or configure ARO_TLS_CERT/ARO_TLS_KEY and ARO_ARM_METADATA_URL "
                    + "(see docs/operations.md)");
        }
        installableVersions = List.copyOf(installableVersions);
        if (installableVersions.stream().noneMatch(v -> v.version().equals(defaultVersion))) {
            throw new IllegalArgumentException("ARO_DEFAULT_VERSION " + defaultVersion + " is not one of ARO_INSTALLABLE_VERSIONS "
                    + installableVersions.stream().map(OpenShiftVersion::version).toList());
        }
        if (managementListen != null && !"http".equalsIgnoreCase(managementListen.getScheme())) {
            throw new IllegalArgumentException("ARO_MANAGEMENT_LISTEN must be an http:// URL (metrics and probes, no customer data), not " + managementListen);
        }
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(cloud, "cloud");
        if (database == DatabaseKind.COSMOS && cosmosEndpoint == null) {
            throw new IllegalArgumentException("ARO_DATABASE=cosmos needs ARO_COSMOS_ENDPOINT");
        }
        if (database == DatabaseKind.COSMOS && encryptionKeys == null) {
            throw new IllegalArgumentException("ARO_DATABASE=cosmos needs ARO_ENCRYPTION_KEYS: every instance must seal secrets with the same keys");
        }
        if (cloud == CloudKind.AZURE && hiveKubeconfig == null && !inKubernetesPod()) {
            throw new IllegalArgumentException("ARO_CLOUD=azure installs clusters through Hive: set ARO_HIVE_KUBECONFIG to the kubeconfig of Hive's "
                    + "management cluster (or run the RP in a Kubernetes pod whose service account manages Hive's objects); see docs/azure.md");
        }
        if (cloud == CloudKind.AZURE && managedDomain != null && azure.managedDomainZoneId() == null) {
            throw new IllegalArgumentException("ARO_CLOUD=azure with the managed domain " + managedDomain + " needs ARO_MANAGED_DOMAIN_ZONE_ID, the "
                    + "resource ID of its public DNS zone (or ARO_MANAGED_DOMAIN= for none); see docs/azure.md");
        }
    }

    /** The names of the installable versions. */
    public List<String> installableVersionNames() {
        return installableVersions.stream().map(OpenShiftVersion::version).toList();
    }

    /**
     * The installable versions of ARO_INSTALLABLE_VERSIONS: comma-separated entries, each a version alone
     * (the public release image of its tag and ARO's installer image of its minor version) or
     * {@code version=releasePullspec|installerPullspec}, as production pins them by digest.
     */
    static List<OpenShiftVersion> parseVersions(String text) {
        List<OpenShiftVersion> versions = new java.util.ArrayList<>();
        for (String entry : text.split(",")) {
            entry = entry.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals < 0) {
                versions.add(OpenShiftVersion.withDefaultPullspecs(entry));
                continue;
            }
            String[] pullspecs = entry.substring(equals + 1).split("\\|");
            if (pullspecs.length != 2 || pullspecs[0].isBlank() || pullspecs[1].isBlank()) {
                throw new IllegalArgumentException("ARO_INSTALLABLE_VERSIONS entry '" + entry + "' must be version=releasePullspec|installerPullspec");
            }
            versions.add(new OpenShiftVersion(entry.substring(0, equals).strip(), pullspecs[0].strip(), pullspecs[1].strip()));
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("ARO_INSTALLABLE_VERSIONS names no version");
        }
        return versions;
    }

    /** Whether {@code host} is this machine only (an address, not a name that DNS could point elsewhere, but for localhost). */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.equals("::1") || h.matches("127(\\.\\d{1,3}){3}");
    }

    /** Whether this process runs in a Kubernetes pod with a service account (fabric8's in-cluster configuration). */
    private static boolean inKubernetesPod() {
        return System.getenv("KUBERNETES_SERVICE_HOST") != null
                && java.nio.file.Files.exists(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"));
    }

    /** The configuration the environment describes. */
    public static RpConfiguration fromEnvironment(Map<String, String> env) {
        String location = env.getOrDefault("ARO_LOCATION", "eastus");
        List<OpenShiftVersion> versions = parseVersions(env.getOrDefault("ARO_INSTALLABLE_VERSIONS", "4.13.40,4.14.38"));
        String hiveKubeconfig = env.get("ARO_HIVE_KUBECONFIG");
        String roleSets = env.get("ARO_PLATFORM_WORKLOAD_IDENTITY_ROLE_SETS");
        String managedDomain = env.getOrDefault("ARO_MANAGED_DOMAIN", location + ".aroapp.io");
        return new RpConfiguration(
                URI.create(env.getOrDefault("ARO_LISTEN", "http://127.0.0.1:8080/")),
                EdgeConfiguration.fromEnvironment(env),
                location,
                managedDomain.isEmpty() ? null : managedDomain,
                versions,
                env.getOrDefault("ARO_DEFAULT_VERSION", versions.get(versions.size() - 1).version()),
                roleSets == null || roleSets.isEmpty() ? null : Path.of(roleSets),
                Choice.parse(DatabaseKind.class, "ARO_DATABASE", env.getOrDefault("ARO_DATABASE", "embedded")),
                Path.of(env.getOrDefault("ARO_DATA_DIR", "data")),
                Boolean.parseBoolean(env.getOrDefault("ARO_EMBEDDED_FSYNC", "true")),
                env.get("ARO_COSMOS_ENDPOINT"),
                env.get("ARO_COSMOS_KEY"),
                env.getOrDefault("ARO_COSMOS_DATABASE", "ARO"),
                Boolean.parseBoolean(env.getOrDefault("ARO_COSMOS_DIRECT", "false")),
                Boolean.parseBoolean(env.getOrDefault("ARO_COSMOS_ENDPOINT_DISCOVERY", "true")),
                env.get("ARO_ENCRYPTION_KEYS"),
                Duration.parse(env.getOrDefault("ARO_LEASE_TTL", "PT60S")),
                Duration.parse(env.getOrDefault("ARO_HEARTBEAT", "PT10S")),
                Duration.parse(env.getOrDefault("ARO_POLL_INTERVAL", "PT1S")),
                Integer.parseInt(env.getOrDefault("ARO_WORKERS", "16")),
                Duration.parse(env.getOrDefault("ARO_SHUTDOWN_GRACE", "PT30S")),
                Duration.parse(env.getOrDefault("ARO_READINESS_DELAY", "PT0S")),
                Choice.parse(CloudKind.class, "ARO_CLOUD", env.getOrDefault("ARO_CLOUD", "simulated")),
                AzureConfiguration.fromEnvironment(env),
                hiveKubeconfig == null || hiveKubeconfig.isEmpty() ? null : Path.of(hiveKubeconfig),
                Duration.parse(env.getOrDefault("ARO_INSTALL_POLL_INTERVAL", "PT30S")),
                Duration.parse(env.getOrDefault("ARO_INSTALL_TIMEOUT", "PT60M")),
                Duration.parse(env.getOrDefault("ARO_SIMULATED_STEP_DELAY", "PT1S")),
                Optional.ofNullable(env.get("ARO_RETRY_AFTER")).map(Duration::parse).orElse(null),
                Optional.of(env.getOrDefault("ARO_MANAGEMENT_LISTEN", "http://127.0.0.1:8081/")).filter(s -> !s.isEmpty()).map(URI::create)
                        .orElse(null),
                Integer.parseInt(env.getOrDefault("ARO_PAGE_SIZE", "10")),
                Duration.parse(env.getOrDefault("ARO_CACHE_TTL", "PT10S")),
                Duration.parse(env.getOrDefault("ARO_SUBSCRIPTION_RETRY_DELAY", "PT10M")),
                Integer.parseInt(env.getOrDefault("ARO_MAX_DEQUEUES", "5")),
                Integer.parseInt(env.getOrDefault("ARO_TRANSIENT_RETRIES", "5")),
                Integer.parseInt(env.getOrDefault("ARO_COSMOS_THROTTLING_RETRIES", "9")),
                Duration.parse(env.getOrDefault("ARO_COSMOS_THROTTLING_WAIT", "PT30S")),
                Optional.ofNullable(env.get("ARO_OTLP_ENDPOINT")).filter(s -> !s.isEmpty()).map(URI::create).orElse(null),
                HttpLimits.fromEnvironment(env));
    }

    @Override
    public String toString() {
        return "RpConfiguration[listen=" + listen + ", managementListen=" + managementListen + ", edge=" + edge + ", location=" + location + ", managedDomain=" + managedDomain
                + ", installableVersions=" + installableVersionNames() + ", defaultVersion=" + defaultVersion + ", roleSets=" + (roleSets == null ? "built-in" : roleSets)
                + ", database=" + database + ", dataDir=" + dataDir
                + ", embeddedFsync=" + embeddedFsync + ", cosmosEndpoint=" + cosmosEndpoint + ", cosmosKey=" + (cosmosKey == null ? "none" : "redacted")
                + ", cosmosDatabase=" + cosmosDatabase + ", cosmosDirect=" + cosmosDirect + ", cosmosEndpointDiscovery=" + cosmosEndpointDiscovery
                + ", encryptionKeys=" + (encryptionKeys == null ? "generated" : "redacted") + ", leaseTtl=" + leaseTtl + ", heartbeat=" + heartbeat
                + ", pollInterval=" + pollInterval + ", workers=" + workers + ", shutdownGrace=" + shutdownGrace + ", readinessDelay=" + readinessDelay
                + ", cloud=" + cloud + ", azure=" + azure + ", hiveKubeconfig=" + hiveKubeconfig + ", installPollInterval=" + installPollInterval
                + ", installTimeout=" + installTimeout + ", simulatedStepDelay=" + simulatedStepDelay
                + ", retryAfter=" + retryAfter + ", pageSize=" + pageSize + ", cacheTtl=" + cacheTtl + ", subscriptionRetryDelay=" + subscriptionRetryDelay
                + ", maxDequeues=" + maxDequeues + ", transientRetries=" + transientRetries + ", cosmosThrottlingRetries=" + cosmosThrottlingRetries
                + ", cosmosThrottlingWait=" + cosmosThrottlingWait + ", otlpEndpoint=" + otlpEndpoint + ", httpLimits=" + httpLimits + "]";
    }
}
