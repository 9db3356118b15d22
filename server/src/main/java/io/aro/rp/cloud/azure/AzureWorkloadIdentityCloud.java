package io.aro.rp.cloud.azure;

import static io.aro.rp.cloud.azure.ArmErrors.absentAsNull;
import static io.aro.rp.cloud.azure.ArmErrors.translated;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.management.exception.ManagementException;
import com.azure.resourcemanager.authorization.models.PrincipalType;
import com.azure.resourcemanager.authorization.models.RoleAssignmentCreateParameters;
import com.azure.resourcemanager.msi.fluent.models.FederatedIdentityCredentialInner;
import com.azure.resourcemanager.msi.fluent.models.IdentityInner;
import com.azure.resourcemanager.resources.fluentcore.arm.ResourceId;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.PlatformWorkloadIdentity;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet.PlatformWorkloadIdentityRole;
import io.aro.rp.cloud.FederatedCredentials;
import io.aro.rp.cloud.ServiceAccountIssuer;
import io.aro.rp.cloud.WorkloadIdentityCloud;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A managed identity cluster's Azure side, as ARO's install does it: the identities are the customer's,
 * read and federated as the cluster identity (which the customer lets manage them); the operators' roles
 * on the managed resource group, which the RP owns, are granted as the RP; the OIDC issuer is a directory
 * of the RP's OIDC storage account. Each call reads before it writes, so that a repeated step writes
 * nothing new.
 */
public final class AzureWorkloadIdentityCloud implements WorkloadIdentityCloud {
    private static final String NOT_SET_UP = "this RP is not set up for managed identity clusters: set ARO_OIDC_BLOB_ENDPOINT, "
            + "ARO_OIDC_ISSUER_ENDPOINT and ARO_MSI_DATAPLANE_AUDIENCE";
    private final TokenCredential rp;
    private final ClusterIdentityCredentials clusterIdentity;
    private final AzureCloudSettings settings;
    private final WorkloadIdentitySettings workloadIdentity;
    private final HttpClient httpClient = HttpClient.createDefault();
    private final OidcIssuerStorage oidc;

    /**
     * @param rp the RP's own identity
     * @param clusterIdentity the credentials of each cluster's cluster identity; null, with {@code workloadIdentity}, when the RP is
     *     not set up for managed identity clusters
     * @param workloadIdentity where OIDC issuers are published
     */
    public AzureWorkloadIdentityCloud(TokenCredential rp, ClusterIdentityCredentials clusterIdentity, AzureCloudSettings settings,
            WorkloadIdentitySettings workloadIdentity) {
        this.rp = rp;
        this.clusterIdentity = clusterIdentity;
        this.settings = settings;
        this.workloadIdentity = workloadIdentity;
        this.oidc = workloadIdentity == null ? null : new OidcIssuerStorage(httpClient, rp, settings, workloadIdentity);
    }

    @Override
    public ManagedIdentityIds identityIds(OpenShiftCluster cluster) {
        TokenCredential asCluster = clusterIdentity().credential(cluster);
        Map<String, IdentityIds> operators = new LinkedHashMap<>();
        cluster.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities()
                .forEach((operator, identity) -> operators.put(operator, ids(asCluster, identity.getResourceId())));
        return new ManagedIdentityIds(ids(asCluster, cluster.getIdentity().clusterIdentityId()), operators);
    }

    @Override
    public String publishOidcIssuer(OpenShiftCluster cluster, ServiceAccountIssuer issuer) {
        return oidc().publish(directory(cluster), issuer);
    }

    @Override
    public void federateOperatorIdentities(OpenShiftCluster cluster, PlatformWorkloadIdentityRoleSet roleSet) {
        TokenCredential asCluster = clusterIdentity().credential(cluster);
        String issuer = Objects.requireNonNull(cluster.getProperties().getClusterProfile().getOidcIssuer(), "the OIDC issuer is not published yet");
        forEachOperator(cluster, roleSet, (identity, role) -> {
            ResourceId id = ResourceId.fromString(identity.getResourceId());
            var credentials = clients(asCluster, id.subscriptionId()).msi().getFederatedIdentityCredentials();
            for (String subject : role.getServiceAccounts()) {
                String name = FederatedCredentials.name(cluster, subject);
                String what = "federating the identity '" + id.name() + "' with " + subject;
                FederatedIdentityCredentialInner existing = absentAsNull(() -> credentials.get(id.resourceGroupName(), id.name(), name), what);
                if (existing != null && issuer.equals(existing.issuer()) && subject.equals(existing.subject())
                        && List.of(FederatedCredentials.AUDIENCE).equals(existing.audiences())) {
                    continue;
                }
                translated(() -> credentials.createOrUpdate(id.resourceGroupName(), id.name(), name, new FederatedIdentityCredentialInner()
                        .withIssuer(issuer).withSubject(subject).withAudiences(List.of(FederatedCredentials.AUDIENCE))), what);
            }
        });
    }

    @Override
    public void grantOperatorRoles(OpenShiftCluster cluster, PlatformWorkloadIdentityRoleSet roleSet) {
        ClusterResources names = ClusterResources.of(cluster);
        var assignments = clients(rp, names.subscriptionId()).authorization().getRoleAssignments();
        forEachOperator(cluster, roleSet, (identity, role) -> {
            String principal = Objects.requireNonNull(identity.getObjectId(), "the identity's object ID is not known yet");
            String roleDefinition = "/subscriptions/" + names.subscriptionId() + role.getRoleDefinitionId().substring(role.getRoleDefinitionId()
                    .toLowerCase(Locale.ROOT).indexOf("/providers/"));
            String name = UUID.nameUUIDFromBytes((names.groupId().toLowerCase(Locale.ROOT) + "|" + principal + "|" + roleDefinition.toLowerCase(Locale.ROOT))
                    .getBytes(StandardCharsets.UTF_8)).toString();
            String what = "granting the " + role.getOperatorName() + " identity its role on resource group '" + names.group() + "'";
            if (absentAsNull(() -> assignments.get(names.groupId(), name), what) != null) {
                return;
            }
            try {
                assignments.create(names.groupId(), name, new RoleAssignmentCreateParameters().withRoleDefinitionId(roleDefinition)
                        .withPrincipalId(principal).withPrincipalType(PrincipalType.SERVICE_PRINCIPAL));
            } catch (ManagementException e) {
                if (ArmErrors.status(e) != 409) { // RoleAssignmentExists: it holds the role under another name
                    throw ArmErrors.translate(e, what);
                }
            }
        });
    }

    @Override
    public ClusterIdentityCertificate clusterIdentityCertificate(OpenShiftCluster cluster) {
        return clusterIdentity().certificate(cluster);
    }

    @Override
    public void deleteWorkloadIdentity(OpenShiftCluster cluster) {
        TokenCredential asCluster = clusterIdentity().credential(cluster);
        String prefix = FederatedCredentials.prefix(cluster);
        for (PlatformWorkloadIdentity identity : cluster.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().values()) {
            ResourceId id = ResourceId.fromString(identity.getResourceId());
            var credentials = clients(asCluster, id.subscriptionId()).msi().getFederatedIdentityCredentials();
            String what = "deleting the federated credentials of the identity '" + id.name() + "'";
            // the identity may be gone already: then so are its credentials
            List<FederatedIdentityCredentialInner> existing = absentAsNull(() -> credentials.list(id.resourceGroupName(), id.name()).stream().toList(), what);
            for (FederatedIdentityCredentialInner credential : existing == null ? List.<FederatedIdentityCredentialInner>of() : existing) {
                if (credential.name().startsWith(prefix)) {
                    absentAsNull(() -> {
                        credentials.delete(id.resourceGroupName(), id.name(), credential.name());
                        return null;
                    }, what);
                }
            }
        }
        if (oidc != null && cluster.getProperties().getInfraId() != null) {
            oidc.delete(directory(cluster));
        }
    }

    private IdentityIds ids(TokenCredential asCluster, String resourceId) {
        ResourceId id = ResourceId.fromString(resourceId);
        IdentityInner identity = translated(() -> clients(asCluster, id.subscriptionId()).msi().getUserAssignedIdentities()
                .getByResourceGroup(id.resourceGroupName(), id.name()), "reading the identity '" + resourceId + "'");
        return new IdentityIds(identity.clientId().toString(), identity.principalId().toString());
    }

    /** Each of the cluster's operator identities with its role, for the operators the role set knows. */
    private static void forEachOperator(OpenShiftCluster cluster, PlatformWorkloadIdentityRoleSet roleSet,
            java.util.function.BiConsumer<PlatformWorkloadIdentity, PlatformWorkloadIdentityRole> action) {
        cluster.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities()
                .forEach((operator, identity) -> roleSet.role(operator).ifPresent(role -> action.accept(identity, role)));
    }

    /** The issuer's directory: the cluster's infrastructure ID, unique and fixed at its first install step. */
    private static String directory(OpenShiftCluster cluster) {
        return Objects.requireNonNull(cluster.getProperties().getInfraId(), "the cluster has no infrastructure ID yet");
    }

    private OidcIssuerStorage oidc() {
        if (oidc == null) {
            throw new IllegalStateException(NOT_SET_UP);
        }
        return oidc;
    }

    private ClusterIdentityCredentials clusterIdentity() {
        if (clusterIdentity == null) {
            throw new IllegalStateException(NOT_SET_UP);
        }
        return clusterIdentity;
    }

    private ArmClients clients(TokenCredential credential, String subscriptionId) {
        return ArmClients.connect(httpClient, credential, subscriptionId, settings);
    }
}
