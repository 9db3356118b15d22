package io.aro.rp.backend;

import io.aro.rp.api.Install;
import io.aro.rp.api.InstallPhase;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.cloud.ApiServerEndpoint;
import io.aro.rp.cloud.ClusterAccess;
import io.aro.rp.cloud.ClusterCloud;
import io.aro.rp.cloud.OpenShiftInstaller;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * Installs a cluster in resumable phases (ARO's install phases). A worker runs one phase per lease;
 * after each but the last it hands the cluster over, still Creating, with the next phase recorded, so
 * any worker continues. Each step observes, acts and records, and may run again after a crash.
 */
final class ClusterInstall {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private final ClusterCloud cloud;
    private final OpenShiftInstaller installer;
    private final OperationOutcome outcome;
    private final SecureRandom random = new SecureRandom();

    ClusterInstall(ClusterCloud cloud, OpenShiftInstaller installer, OperationOutcome outcome) {
        this.cloud = cloud;
        this.installer = installer;
        this.outcome = outcome;
    }

    void runPhase(StepContext ctx) {
        Install install = ctx.cluster().getProperties().getInstall();
        InstallPhase phase = install == null || install.getPhase() == null ? InstallPhase.DEPLOY_STORAGE : install.getPhase();
        switch (phase) {
            case DEPLOY_STORAGE -> {
                ctx.step("name resources", () -> nameResources(ctx));
                ctx.step("validate", () -> cloud.validate(ctx.cluster(), true));
                ctx.step("create resource group", () -> cloud.createResourceGroup(ctx.cluster()));
                ctx.step("deploy storage", () -> cloud.deployStorage(ctx.cluster()));
                ctx.step("attach security groups", () -> cloud.attachSecurityGroups(ctx.cluster()));
                next(ctx, InstallPhase.DEPLOY_RESOURCES);
            }
            case DEPLOY_RESOURCES -> {
                ApiServerEndpoint api = ctx.step("deploy cluster resources", () -> cloud.deployClusterResources(ctx.cluster()));
                ctx.record(oc -> {
                    oc.getProperties().getApiserverProfile().setIp(api.ip());
                    oc.getProperties().getApiserverProfile().setUrl(api.url());
                });
                next(ctx, InstallPhase.REMOVE_BOOTSTRAP);
            }
            case REMOVE_BOOTSTRAP -> {
                var apiserver = ctx.cluster().getProperties().getApiserverProfile();
                ClusterAccess access = ctx.step("install OpenShift",
                        () -> installer.install(ctx.cluster(), new ApiServerEndpoint(apiserver.getIp(), apiserver.getUrl())));
                ctx.record(oc -> {
                    oc.getProperties().getConsoleProfile().setUrl(access.consoleUrl());
                    oc.getProperties().getIngressProfiles().forEach(ingress -> ingress.setIp(access.ingressIp()));
                    oc.getProperties().setKubeadminPassword(access.kubeadminPassword());
                    oc.getProperties().setAdminKubeconfig(access.adminKubeconfig());
                });
                ctx.step("remove bootstrap", () -> cloud.removeBootstrap(ctx.cluster()));
                outcome.succeed(ctx);
            }
        }
    }

    /** Names the cluster's Azure resources once, before any exists, so that every later run uses the same names. */
    private void nameResources(StepContext ctx) {
        OpenShiftCluster oc = ctx.cluster();
        if (oc.getProperties().getInfraId() != null && oc.getProperties().getStorageSuffix() != null) {
            return;
        }
        String name = oc.getName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        String infraId = (name.length() > 20 ? name.substring(0, 20) : name) + "-" + randomString(5);
        String storageSuffix = randomString(5);
        ctx.record(cluster -> {
            cluster.getProperties().setInfraId(infraId);
            cluster.getProperties().setStorageSuffix(storageSuffix);
        });
    }

    private void next(StepContext ctx, InstallPhase phase) {
        ctx.handOver(doc -> {
            Install install = doc.getOpenShiftCluster().getProperties().getInstall();
            if (install == null) {
                install = new Install();
                doc.getOpenShiftCluster().getProperties().setInstall(install);
            }
            install.setPhase(phase);
            doc.setDequeues(0); // a finished phase is progress: the dequeue limit counts attempts without any
        });
    }

    private String randomString(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
