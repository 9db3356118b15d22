package io.aro.rp.testing;

import io.aro.rp.api.CloudError;
import io.aro.rp.api.CorrelationData;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.OpenShiftVersion;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;
import io.aro.rp.api.WorkerProfile;
import io.aro.rp.cloud.ClusterAccess;
import io.aro.rp.cloud.ClusterApiServer;
import io.aro.rp.cloud.ClusterCloud;
import io.aro.rp.cloud.InstallationStatus;
import io.aro.rp.cloud.OpenShiftInstaller;
import io.aro.rp.cloud.ServiceAccountIssuer;
import io.aro.rp.cloud.SimulatedCloud;
import io.aro.rp.cloud.SimulatedInstaller;
import io.aro.rp.cloud.SimulatedResources;
import io.aro.rp.cloud.TransientCloudException;
import io.aro.rp.cloud.WorkloadIdentityCloud;
import io.aro.rp.cloud.WorkloadIdentityInstall;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The simulated cloud and installer with faults a test injects at any step: a CloudError on every call,
 * throttling for the next calls, a stall until released, or the installation's status Hive reports.
 * Each instance counts its own calls, so a test can tell what a given backend did.
 */
public final class FaultInjectingCloud implements ClusterCloud, WorkloadIdentityCloud, OpenShiftInstaller, ClusterApiServer {
    /** The steps faults can be injected at. */
    public enum Step {
        VALIDATE, CREATE_RESOURCE_GROUP, DEPLOY_STORAGE, ATTACH_SECURITY_GROUPS, GRANT_ROLE, CREATE_DNS, MACHINE_NETWORKS, API_SERVER_IP, UPDATE, DELETE,
        START_INSTALLATION, INSTALLATION_STATUS, READ_ACCESS, UPDATE_INSTALLATION, DELETE_INSTALLATION, INGRESS_IP, WORKER_PROFILES,
        UPDATE_SERVICE_PRINCIPAL, IDENTITY_IDS, PUBLISH_OIDC_ISSUER, FEDERATE, GRANT_OPERATOR_ROLES, CLUSTER_IDENTITY_CERTIFICATE,
        DELETE_WORKLOAD_IDENTITY
    }

    private final SimulatedResources resources;
    private final SimulatedCloud cloud;
    private final SimulatedInstaller installer;
    private final Map<Step, CloudError> failures = new EnumMap<>(Step.class);
    private final Map<Step, AtomicInteger> throttles = new EnumMap<>(Step.class);
    private final Map<Step, CountDownLatch> stalls = new EnumMap<>(Step.class);
    private final Map<Step, AtomicInteger> calls = new EnumMap<>(Step.class);
    private volatile InstallationStatus reportedStatus;
    private volatile boolean ingressPending;

    public FaultInjectingCloud(SimulatedResources resources) {
        this.resources = resources;
        this.cloud = new SimulatedCloud(resources, Duration.ZERO);
        this.installer = new SimulatedInstaller(resources, Duration.ZERO);
        for (Step step : Step.values()) {
            calls.put(step, new AtomicInteger());
        }
    }

    public SimulatedResources resources() {
        return resources;
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

    /** The installation's status as Hive would report it, instead of the simulated installer's; null to stop. */
    public void reportStatus(InstallationStatus status) {
        this.reportedStatus = status;
    }

    /** Whether the installed cluster's router has no IP address yet. */
    public void ingressPending(boolean pending) {
        this.ingressPending = pending;
    }

    public synchronized void clearFaults() {
        failures.clear();
        throttles.clear();
        stalls.clear();
    }

    /** How often {@code step} was called through this instance. */
    public int calls(Step step) {
        return calls.get(step).get();
    }

    @Override
    public void validate(OpenShiftCluster cluster, boolean isCreate) {
        run(Step.VALIDATE, () -> cloud.validate(cluster, isCreate));
    }

    @Override
    public void createResourceGroup(OpenShiftCluster cluster) {
        run(Step.CREATE_RESOURCE_GROUP, () -> cloud.createResourceGroup(cluster));
    }

    @Override
    public void deployStorage(OpenShiftCluster cluster) {
        run(Step.DEPLOY_STORAGE, () -> cloud.deployStorage(cluster));
    }

    @Override
    public void attachSecurityGroups(OpenShiftCluster cluster) {
        run(Step.ATTACH_SECURITY_GROUPS, () -> cloud.attachSecurityGroups(cluster));
    }

    @Override
    public void grantServicePrincipalRole(OpenShiftCluster cluster) {
        run(Step.GRANT_ROLE, () -> cloud.grantServicePrincipalRole(cluster));
    }

    @Override
    public void createDns(OpenShiftCluster cluster) {
        run(Step.CREATE_DNS, () -> cloud.createDns(cluster));
    }

    @Override
    public List<String> machineNetworks(OpenShiftCluster cluster) {
        return call(Step.MACHINE_NETWORKS, () -> cloud.machineNetworks(cluster));
    }

    @Override
    public String apiServerIp(OpenShiftCluster cluster) {
        return call(Step.API_SERVER_IP, () -> cloud.apiServerIp(cluster));
    }

    @Override
    public void update(OpenShiftCluster cluster) {
        run(Step.UPDATE, () -> cloud.update(cluster));
    }

    @Override
    public void delete(OpenShiftCluster cluster) {
        run(Step.DELETE, () -> cloud.delete(cluster));
    }

    @Override
    public ManagedIdentityIds identityIds(OpenShiftCluster cluster) {
        return call(Step.IDENTITY_IDS, () -> cloud.identityIds(cluster));
    }

    @Override
    public String publishOidcIssuer(OpenShiftCluster cluster, ServiceAccountIssuer issuer) {
        return call(Step.PUBLISH_OIDC_ISSUER, () -> cloud.publishOidcIssuer(cluster, issuer));
    }

    @Override
    public void federateOperatorIdentities(OpenShiftCluster cluster, PlatformWorkloadIdentityRoleSet roleSet) {
        run(Step.FEDERATE, () -> cloud.federateOperatorIdentities(cluster, roleSet));
    }

    @Override
    public void grantOperatorRoles(OpenShiftCluster cluster, PlatformWorkloadIdentityRoleSet roleSet) {
        run(Step.GRANT_OPERATOR_ROLES, () -> cloud.grantOperatorRoles(cluster, roleSet));
    }

    @Override
    public ClusterIdentityCertificate clusterIdentityCertificate(OpenShiftCluster cluster) {
        return call(Step.CLUSTER_IDENTITY_CERTIFICATE, () -> cloud.clusterIdentityCertificate(cluster));
    }

    @Override
    public void deleteWorkloadIdentity(OpenShiftCluster cluster) {
        run(Step.DELETE_WORKLOAD_IDENTITY, () -> cloud.deleteWorkloadIdentity(cluster));
    }

    @Override
    public void install(OpenShiftCluster cluster, OpenShiftVersion version, CorrelationData correlation, WorkloadIdentityInstall workloadIdentity) {
        run(Step.START_INSTALLATION, () -> installer.install(cluster, version, correlation, workloadIdentity));
    }

    @Override
    public InstallationStatus status(OpenShiftCluster cluster) {
        return call(Step.INSTALLATION_STATUS, () -> reportedStatus != null ? reportedStatus : installer.status(cluster));
    }

    @Override
    public ClusterAccess access(OpenShiftCluster cluster) {
        return call(Step.READ_ACCESS, () -> installer.access(cluster));
    }

    @Override
    public void updateInstallation(OpenShiftCluster cluster, CorrelationData correlation) {
        run(Step.UPDATE_INSTALLATION, () -> installer.updateInstallation(cluster, correlation));
    }

    @Override
    public void deleteInstallation(OpenShiftCluster cluster) {
        run(Step.DELETE_INSTALLATION, () -> installer.deleteInstallation(cluster));
    }

    @Override
    public String ingressIp(OpenShiftCluster cluster) {
        return call(Step.INGRESS_IP, () -> ingressPending ? null : installer.ingressIp(cluster));
    }

    @Override
    public List<WorkerProfile> workerProfiles(OpenShiftCluster cluster) {
        return call(Step.WORKER_PROFILES, () -> installer.workerProfiles(cluster));
    }

    @Override
    public void updateServicePrincipal(OpenShiftCluster cluster) {
        run(Step.UPDATE_SERVICE_PRINCIPAL, () -> installer.updateServicePrincipal(cluster));
    }

    private void run(Step step, Runnable call) {
        call(step, () -> {
            call.run();
            return null;
        });
    }

    private <T> T call(Step step, Supplier<T> call) {
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
        if (stall != null) {
            try {
                stall.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientCloudException("interrupted during " + step, e);
            }
        }
        if (throttled) {
            throw new TransientCloudException("simulated throttling (429) at " + step);
        }
        if (failure != null) {
            throw failure.toException();
        }
        return call.get();
    }
}
