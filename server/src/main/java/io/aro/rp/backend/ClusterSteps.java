package io.aro.rp.backend;

import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;
import io.aro.rp.api.SecureString;
import io.aro.rp.api.UserAssignedIdentity;
import io.aro.rp.api.WorkerProfile;
import io.aro.rp.api.validate.ValidationErrors;
import io.aro.rp.cloud.ClusterAccess;
import io.aro.rp.cloud.ClusterApiServer;
import io.aro.rp.cloud.ClusterCloud;
import io.aro.rp.cloud.OpenShiftInstaller;
import io.aro.rp.cloud.ServiceAccountIssuer;
import io.aro.rp.cloud.WorkloadIdentityCloud;
import io.aro.rp.cloud.WorkloadIdentityCloud.ManagedIdentityIds;
import io.aro.rp.cloud.WorkloadIdentityInstall;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The idempotent steps the reconcilers share, each run through {@link StepContext#step}: they act on
 * Azure, on Hive or on the installed cluster, and record what they learn on the cluster document.
 */
final class ClusterSteps {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final ClusterCloud cloud;
    private final WorkloadIdentityCloud workloadIdentity;
    private final OpenShiftInstaller installer;
    private final ClusterApiServer apiServer;
    private final Function<String, Optional<PlatformWorkloadIdentityRoleSet>> roleSets;
    private final SecureRandom random = new SecureRandom();

    /** @param roleSets the role set of an OpenShift minor version, as the database has it */
    ClusterSteps(ClusterCloud cloud, WorkloadIdentityCloud workloadIdentity, OpenShiftInstaller installer, ClusterApiServer apiServer,
            Function<String, Optional<PlatformWorkloadIdentityRoleSet>> roleSets) {
        this.cloud = cloud;
        this.workloadIdentity = workloadIdentity;
        this.installer = installer;
        this.apiServer = apiServer;
        this.roleSets = roleSets;
    }

    WorkloadIdentityCloud workloadIdentity() {
        return workloadIdentity;
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
        if (ctx.cluster().usesWorkloadIdentity()) {
            ensureWorkloadIdentity(ctx);
        } else {
            ctx.step("grant the service principal its role", () -> cloud.grantServicePrincipalRole(ctx.cluster()));
        }
        ctx.step("create DNS", () -> cloud.createDns(ctx.cluster()));
    }

    /**
     * What a managed identity cluster's operators need before the installation: the identities' IDs, the
     * key that signs the cluster's service account tokens (kept on the document, so that every later run
     * publishes the same one), the OIDC issuer that publishes it, a federated credential per operator
     * service account, and each operator's role.
     */
    void ensureWorkloadIdentity(StepContext ctx) {
        PlatformWorkloadIdentityRoleSet roleSet = roleSet(ctx.cluster());
        ManagedIdentityIds ids = ctx.step("read the managed identities", () -> workloadIdentity.identityIds(ctx.cluster()));
        ctx.record(oc -> {
            UserAssignedIdentity cluster = oc.getIdentity().getUserAssignedIdentities().get(oc.getIdentity().clusterIdentityId());
            cluster.setClientId(ids.cluster().clientId());
            cluster.setPrincipalId(ids.cluster().principalId());
            oc.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().forEach((operator, identity) -> {
                WorkloadIdentityCloud.IdentityIds operatorIds = ids.operators().get(operator);
                if (operatorIds != null) {
                    identity.setClientId(operatorIds.clientId());
                    identity.setObjectId(operatorIds.principalId());
                }
            });
        });
        if (ctx.cluster().getProperties().getClusterProfile().getBoundServiceAccountSigningKey() == null) {
            SecureString key = ServiceAccountIssuer.newSigningKey();
            ctx.record(oc -> oc.getProperties().getClusterProfile().setBoundServiceAccountSigningKey(key));
        }
        ServiceAccountIssuer issuer = ServiceAccountIssuer.of(ctx.cluster().getProperties().getClusterProfile().getBoundServiceAccountSigningKey());
        String issuerUrl = ctx.step("publish the OIDC issuer", () -> workloadIdentity.publishOidcIssuer(ctx.cluster(), issuer));
        ctx.record(oc -> oc.getProperties().getClusterProfile().setOidcIssuer(issuerUrl));
        ctx.step("federate the operators' identities", () -> workloadIdentity.federateOperatorIdentities(ctx.cluster(), roleSet));
        ctx.step("grant the operators their roles", () -> workloadIdentity.grantOperatorRoles(ctx.cluster(), roleSet));
    }

    /**
     * The operators of the cluster's version, with those of its {@code upgradeableTo} version that the
     * current one lacks (so that their identities are ready for the upgrade).
     *
     * @throws io.aro.rp.api.CloudErrorException when the cluster's minor version has no role set (any more)
     */
    PlatformWorkloadIdentityRoleSet roleSet(OpenShiftCluster cluster) {
        String minor = PlatformWorkloadIdentityRoleSet.minorVersion(cluster.getProperties().getClusterProfile().getVersion());
        PlatformWorkloadIdentityRoleSet current = roleSets.apply(minor).orElseThrow(() -> ValidationErrors.invalidParameter(
                "properties.clusterProfile.version", "There is no platform workload identity role set for OpenShift %s.", minor));
        String upgradeableTo = cluster.getProperties().getPlatformWorkloadIdentityProfile().getUpgradeableTo();
        Optional<PlatformWorkloadIdentityRoleSet> next = upgradeableTo == null ? Optional.empty()
                : roleSets.apply(PlatformWorkloadIdentityRoleSet.minorVersion(upgradeableTo));
        if (next.isEmpty()) {
            return current;
        }
        PlatformWorkloadIdentityRoleSet merged = new PlatformWorkloadIdentityRoleSet();
        merged.setOpenShiftVersion(current.getOpenShiftVersion());
        List<PlatformWorkloadIdentityRoleSet.PlatformWorkloadIdentityRole> roles = new ArrayList<>(current.getPlatformWorkloadIdentityRoles());
        next.get().getPlatformWorkloadIdentityRoles().stream().filter(role -> current.role(role.getOperatorName()).isEmpty()).forEach(roles::add);
        merged.setPlatformWorkloadIdentityRoles(roles);
        return merged;
    }

    /** What the installer needs for a managed identity cluster, or null for a service principal cluster. */
    WorkloadIdentityInstall workloadIdentityInstall(StepContext ctx) {
        if (!ctx.cluster().usesWorkloadIdentity()) {
            return null;
        }
        PlatformWorkloadIdentityRoleSet roleSet = roleSet(ctx.cluster());
        return new WorkloadIdentityInstall(roleSet,
                ctx.step("read the cluster identity's credential", () -> workloadIdentity.clusterIdentityCertificate(ctx.cluster())));
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
        if (!ctx.cluster().usesWorkloadIdentity()) {
            ctx.step("update the cluster's Azure credentials", () -> apiServer.updateServicePrincipal(ctx.cluster()));
        }
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
