package io.aro.rp.backend;

import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.WorkerProfile;
import io.aro.rp.cloud.ClusterAccess;
import io.aro.rp.cloud.ClusterApiServer;
import io.aro.rp.cloud.ClusterCloud;
import io.aro.rp.cloud.OpenShiftInstaller;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The idempotent steps the reconcilers share, each run through {@link StepContext#step}: they act on
 * Azure, on Hive or on the installed cluster, and record what they learn on the cluster document.
 */
final class ClusterSteps {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final ClusterCloud cloud;
    private final OpenShiftInstaller installer;
    private final ClusterApiServer apiServer;
    private final SecureRandom random = new SecureRandom();

    ClusterSteps(ClusterCloud cloud, OpenShiftInstaller installer, ClusterApiServer apiServer) {
        this.cloud = cloud;
        this.installer = installer;
        this.apiServer = apiServer;
    }

    ClusterCloud cloud() {
        return cloud;
    }

    OpenShiftInstaller installer() {
        return installer;
    }

    /**
     * Names the cluster's Azure resources and its Hive namespace once, before any exists, so that every
     * later run (in any worker) uses the same names.
     */
    void nameResources(StepContext ctx) {
        var p = ctx.cluster().getProperties();
        if (p.getInfraId() != null && p.getStorageSuffix() != null && p.getHiveProfile().getNamespace() != null) {
            return;
        }
        String name = ctx.cluster().getName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        String infraId = p.getInfraId() != null ? p.getInfraId() : (name.length() > 20 ? name.substring(0, 20) : name) + "-" + randomString(5);
        String storageSuffix = p.getStorageSuffix() != null ? p.getStorageSuffix() : randomString(5);
        String namespace = p.getHiveProfile().getNamespace() != null ? p.getHiveProfile().getNamespace() : "aro-" + UUID.randomUUID();
        ctx.record(cluster -> {
            cluster.getProperties().setInfraId(infraId);
            cluster.getProperties().setStorageSuffix(storageSuffix);
            cluster.getProperties().getHiveProfile().setNamespace(namespace);
        });
    }

    /** The Azure resources the RP owns around the installation, each created only if it is not there. */
    void ensureAzureResources(StepContext ctx) {
        ctx.step("create resource group", () -> cloud.createResourceGroup(ctx.cluster()));
        ctx.step("deploy storage", () -> cloud.deployStorage(ctx.cluster()));
        ctx.step("attach security groups", () -> cloud.attachSecurityGroups(ctx.cluster()));
        ctx.step("grant the service principal its role", () -> cloud.grantServicePrincipalRole(ctx.cluster()));
        ctx.step("create DNS", () -> cloud.createDns(ctx.cluster()));
    }

    /** What the installer recorded for the installed cluster: credentials, API server and console. */
    void recordAccess(StepContext ctx) {
        ClusterAccess access = ctx.step("read the cluster's credentials", () -> installer.access(ctx.cluster()));
        ctx.record(oc -> {
            var p = oc.getProperties();
            p.getApiserverProfile().setUrl(access.apiServerUrl());
            p.getConsoleProfile().setUrl(access.consoleUrl());
            p.getHiveProfile().setInfraId(access.infraId());
            p.setKubeadminPassword(access.kubeadminPassword());
            p.setAdminKubeconfig(access.adminKubeconfig());
        });
    }

    /** The worker pools the cluster runs, as its MachineSets say. */
    void recordWorkerProfiles(StepContext ctx) {
        List<WorkerProfile> running = ctx.step("read the worker pools", () -> apiServer.workerProfiles(ctx.cluster()));
        ctx.record(oc -> oc.getProperties().setWorkerProfilesStatus(running));
    }

    /** The service principal on Hive and in the cluster, after a rotation (both compare before they write). */
    void updateServicePrincipal(StepContext ctx) {
        ctx.step("update the Hive objects", () -> installer.updateInstallation(ctx.cluster(), ctx.document().getCorrelationData()));
        ctx.step("update the cluster's Azure credentials", () -> apiServer.updateServicePrincipal(ctx.cluster()));
    }

    /** Whether the cluster was installed: its admin kubeconfig is known. */
    static boolean installed(OpenShiftCluster cluster) {
        return cluster.getProperties().getAdminKubeconfig() != null;
    }

    ClusterApiServer apiServer() {
        return apiServer;
    }

    private String randomString(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
