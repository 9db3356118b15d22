package io.aro.rp.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.SecureString;
import io.aro.rp.api.WorkerProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A SIMULATED cloud, for local runs and tests: nothing reaches Azure. It keeps the Azure resources a
 * cluster would have as files in a directory (so several RP processes share one cloud and a killed
 * process loses nothing), journals every creation and deletion, and can be told to fail, stall or
 * throttle at a step, so that the lifecycle, its failures and its idempotence can be watched.
 *
 * <p>Like Azure, creating a resource that exists changes nothing, and deleting one that is gone succeeds.
 */
public final class SimulatedCloud implements ClusterCloud, OpenShiftInstaller {
    /** The steps faults can be injected at. */
    public enum Step {
        VALIDATE, CREATE_RESOURCE_GROUP, DEPLOY_STORAGE, ATTACH_SECURITY_GROUPS, DEPLOY_CLUSTER_RESOURCES, INSTALL_OPENSHIFT,
        REMOVE_BOOTSTRAP, UPDATE, DELETE
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MASTERS = 3;

    private final Path resources;
    private final Path journal;
    private final Path installs;
    private final Duration stepDelay;
    private final Map<Step, CloudError> failures = new EnumMap<>(Step.class);
    private final Map<Step, AtomicInteger> throttles = new EnumMap<>(Step.class);
    private final Map<Step, CountDownLatch> stalls = new EnumMap<>(Step.class);
    private final Map<Step, AtomicInteger> calls = new EnumMap<>(Step.class);

    /**
     * A simulated cloud kept in {@code directory}.
     *
     * @param stepDelay how long each step takes, to watch a lifecycle (or interrupt one) in real time
     */
    public SimulatedCloud(Path directory, Duration stepDelay) {
        this.resources = directory.resolve("resources");
        this.journal = directory.resolve("journal.log");
        this.installs = directory.resolve("installs");
        this.stepDelay = stepDelay;
        try {
            Files.createDirectories(resources);
            Files.createDirectories(installs);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the simulated cloud in " + directory, e);
        }
        for (Step step : Step.values()) {
            calls.put(step, new AtomicInteger());
        }
    }

    /** Every call of {@code step} fails with {@code error} until {@link #clearFaults()}. */
    public synchronized void failAt(Step step, CloudError error) {
        failures.put(step, error);
    }

    /** The next {@code times} calls of {@code step} are throttled (a transient failure). */
    public synchronized void throttleAt(Step step, int times) {
        throttles.put(step, new AtomicInteger(times));
    }

    /** Calls of {@code step} block until {@code release} opens (or the caller is interrupted). */
    public synchronized void stallAt(Step step, CountDownLatch release) {
        stalls.put(step, release);
    }

    public synchronized void clearFaults() {
        failures.clear();
        throttles.clear();
        stalls.clear();
    }

    /** How often {@code step} was called by this process. */
    public int calls(Step step) {
        return calls.get(step).get();
    }

    /** The journal: one line per creation ({@code created <id>}) or deletion ({@code deleted <id>}), in order. */
    public List<String> journal() {
        try {
            return Files.exists(journal) ? Files.readAllLines(journal) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the resources that exist now, in lower case. */
    public List<String> resources() {
        try (Stream<Path> files = Files.list(resources)) {
            List<String> ids = new ArrayList<>();
            for (Path file : (Iterable<Path>) files::iterator) {
                try {
                    ids.add(JSON.readTree(Files.readString(file)).path("id").asText());
                } catch (NoSuchFileException e) {
                    // deleted by another worker since the listing: gone, as Azure's list would say a moment later
                }
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void validate(OpenShiftCluster cluster, boolean isCreate) {
        enter(Step.VALIDATE);
    }

    @Override
    public void createResourceGroup(OpenShiftCluster cluster) {
        enter(Step.CREATE_RESOURCE_GROUP);
        String group = cluster.getProperties().getClusterProfile().getResourceGroupId();
        Map<String, String> properties = Map.of("managedBy", cluster.getId().toLowerCase(Locale.ROOT));
        if (!create(group, "Microsoft.Resources/resourceGroups", properties) && !properties.get("managedBy").equals(read(group).path("managedBy").asText())) {
            throw new CloudError(400, new CloudErrorBody("ClusterResourceGroupAlreadyExists",
                    "Resource group '" + group + "' must not already exist.", "properties.clusterProfile.resourceGroupId", null)).toException();
        }
    }

    @Override
    public void deployStorage(OpenShiftCluster cluster) {
        enter(Step.DEPLOY_STORAGE);
        String group = group(cluster);
        create(group + "/providers/Microsoft.Storage/storageAccounts/cluster" + cluster.getProperties().getStorageSuffix(), "storageAccount", Map.of());
        create(group + "/providers/Microsoft.Network/networkSecurityGroups/" + infraId(cluster) + "-nsg", "networkSecurityGroup", Map.of());
        create(group + "/providers/Microsoft.Network/networkSecurityGroups/" + infraId(cluster) + "-node-nsg", "networkSecurityGroup", Map.of());
    }

    @Override
    public void attachSecurityGroups(OpenShiftCluster cluster) {
        enter(Step.ATTACH_SECURITY_GROUPS);
        create(cluster.getProperties().getMasterProfile().getSubnetId() + "/networkSecurityGroupAssociation", "association",
                Map.of("networkSecurityGroup", infraId(cluster) + "-nsg"));
        for (WorkerProfile worker : cluster.getProperties().getWorkerProfiles()) {
            create(worker.getSubnetId() + "/networkSecurityGroupAssociation", "association", Map.of("networkSecurityGroup", infraId(cluster) + "-node-nsg"));
        }
    }

    @Override
    public ApiServerEndpoint deployClusterResources(OpenShiftCluster cluster) {
        enter(Step.DEPLOY_CLUSTER_RESOURCES);
        String group = group(cluster);
        String infra = infraId(cluster);
        create(group + "/providers/Microsoft.Network/privateDnsZones/" + cluster.getProperties().getClusterProfile().getDomain(), "privateDnsZone", Map.of());
        create(group + "/providers/Microsoft.Network/loadBalancers/" + infra + "-internal", "loadBalancer", Map.of());
        create(group + "/providers/Microsoft.Network/loadBalancers/" + infra, "loadBalancer", Map.of());
        create(group + "/providers/Microsoft.Network/publicIPAddresses/" + infra + "-pip-v4", "publicIPAddress", Map.of());
        create(vm(group, infra + "-bootstrap"), "virtualMachine", Map.of());
        for (int i = 0; i < MASTERS; i++) {
            create(vm(group, infra + "-master-" + i), "virtualMachine", Map.of());
        }
        scaleWorkers(cluster);
        return new ApiServerEndpoint(ip(infra, 1), "https://api." + cluster.getProperties().getClusterProfile().getDomain() + ":6443/");
    }

    @Override
    public ClusterAccess install(OpenShiftCluster cluster, ApiServerEndpoint apiServer) {
        enter(Step.INSTALL_OPENSHIFT);
        Path file = installs.resolve(fileName(cluster.getId()));
        String domain = cluster.getProperties().getClusterProfile().getDomain();
        byte[] password = new byte[18];
        new SecureRandom().nextBytes(password);
        ObjectNode access = JSON.createObjectNode()
                .put("consoleUrl", "https://console-openshift-console.apps." + domain + "/")
                .put("ingressIp", ip(infraId(cluster), 2))
                .put("kubeadminPassword", Base64.getUrlEncoder().withoutPadding().encodeToString(password))
                .put("kubeconfig", "apiVersion: v1\nkind: Config\nclusters:\n- name: " + cluster.getName() + "\n  cluster:\n    server: "
                        + apiServer.url() + "\n");
        try {
            // The first answer is kept, so that asked again the installer gives the same credentials.
            Files.writeString(file, access.toString(), StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            access = (ObjectNode) readFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClusterAccess(access.path("consoleUrl").asText(), access.path("ingressIp").asText(),
                SecureString.of(access.path("kubeadminPassword").asText()), SecureString.of(access.path("kubeconfig").asText()));
    }

    @Override
    public void removeBootstrap(OpenShiftCluster cluster) {
        enter(Step.REMOVE_BOOTSTRAP);
        delete(vm(group(cluster), infraId(cluster) + "-bootstrap"));
    }

    @Override
    public void update(OpenShiftCluster cluster) {
        enter(Step.UPDATE);
        scaleWorkers(cluster);
    }

    @Override
    public void delete(OpenShiftCluster cluster) {
        enter(Step.DELETE);
        delete(cluster.getProperties().getMasterProfile().getSubnetId() + "/networkSecurityGroupAssociation");
        for (WorkerProfile worker : cluster.getProperties().getWorkerProfiles()) {
            delete(worker.getSubnetId() + "/networkSecurityGroupAssociation");
        }
        String group = group(cluster).toLowerCase(Locale.ROOT);
        for (String id : resources()) {
            if (id.startsWith(group + "/")) {
                delete(id);
            }
        }
        delete(group);
        try {
            Files.deleteIfExists(installs.resolve(fileName(cluster.getId())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Workers 0..count-1 exist, and no others. */
    private void scaleWorkers(OpenShiftCluster cluster) {
        String group = group(cluster);
        String infra = infraId(cluster);
        int count = cluster.getProperties().getWorkerProfiles().stream().mapToInt(w -> w.getCount() == null ? 0 : w.getCount()).sum();
        for (int i = 0; i < count; i++) {
            create(vm(group, infra + "-worker-" + i), "virtualMachine", Map.of());
        }
        String prefix = vm(group, infra + "-worker-").toLowerCase(Locale.ROOT);
        for (String id : resources()) {
            if (id.startsWith(prefix) && Integer.parseInt(id.substring(prefix.length())) >= count) {
                delete(id);
            }
        }
    }

    private void enter(Step step) {
        calls.get(step).incrementAndGet();
        CountDownLatch stall;
        CloudError failure;
        boolean throttled;
        synchronized (this) {
            stall = stalls.get(step);
            failure = failures.get(step);
            AtomicInteger remaining = throttles.get(step);
            throttled = remaining != null && remaining.getAndDecrement() > 0;
        }
        try {
            if (stall != null) {
                stall.await();
            }
            if (!stepDelay.isZero()) {
                Thread.sleep(stepDelay.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientCloudException("interrupted during " + step, e);
        }
        if (throttled) {
            throw new TransientCloudException("simulated throttling (429) at " + step);
        }
        if (failure != null) {
            throw failure.toException();
        }
    }

    /** Creates the resource unless it exists; returns whether it did. */
    private boolean create(String id, String type, Map<String, String> properties) {
        ObjectNode resource = JSON.createObjectNode().put("id", id.toLowerCase(Locale.ROOT)).put("type", type);
        new LinkedHashMap<>(properties).forEach(resource::put);
        try {
            Files.writeString(resources.resolve(fileName(id)), resource.toString(), StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        record("created " + id.toLowerCase(Locale.ROOT));
        return true;
    }

    private void delete(String id) {
        try {
            if (Files.deleteIfExists(resources.resolve(fileName(id)))) {
                record("deleted " + id.toLowerCase(Locale.ROOT));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode read(String id) {
        return (ObjectNode) readFile(resources.resolve(fileName(id)));
    }

    private static com.fasterxml.jackson.databind.JsonNode readFile(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per write, appended: atomic on local file systems, so processes sharing the journal do not interleave lines. */
    private void record(String line) {
        try {
            Files.writeString(journal, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String group(OpenShiftCluster cluster) {
        return cluster.getProperties().getClusterProfile().getResourceGroupId();
    }

    private static String infraId(OpenShiftCluster cluster) {
        return cluster.getProperties().getInfraId();
    }

    private static String vm(String group, String name) {
        return group + "/providers/Microsoft.Compute/virtualMachines/" + name;
    }

    private static String ip(String seed, int host) {
        byte[] hash = sha256(seed);
        return "20." + (hash[0] & 0x7f) + "." + (hash[1] & 0xff) + "." + (host * 10 + (hash[2] & 0x07));
    }

    private static String fileName(String id) {
        return HexFormat.of().formatHex(sha256(id.toLowerCase(Locale.ROOT))) + ".json";
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
