package io.aro.rp.cloud.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.PlatformWorkloadIdentityRoleSet;
import io.aro.rp.cloud.FederatedCredentials;
import io.aro.rp.cloud.ServiceAccountIssuer;
import io.aro.rp.cloud.WorkloadIdentityCloud.ManagedIdentityIds;
import io.aro.rp.config.PlatformWorkloadIdentityRoleSetSeed;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A managed identity cluster's Azure side, call by call, with the real SDKs against ARM and Blob storage served by WireMock. */
class AzureWorkloadIdentityCloudTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ServiceAccountIssuer ISSUER = ServiceAccountIssuer.of(ServiceAccountIssuer.newSigningKey());

    final FakeArm arm = new FakeArm();
    final FakeBlobStorage blobs = new FakeBlobStorage();
    final AzureFixture fixture = new AzureFixture(arm, UUID.randomUUID().toString());
    final AzureWorkloadIdentityCloud cloud = new AzureWorkloadIdentityCloud(FakeArm.principal(FakeArm.RP_PRINCIPAL), AzureFixture.clusterIdentity(),
            fixture.settings(), new WorkloadIdentitySettings(blobs.uri(), URI.create("https://oidc.example.net/issuers/"), "https://msi.invalid"));
    final PlatformWorkloadIdentityRoleSet roleSet = PlatformWorkloadIdentityRoleSetSeed.read(null).stream()
            .filter(r -> r.getOpenShiftVersion().equals("4.14")).findFirst().orElseThrow();
    OpenShiftCluster oc;

    @BeforeEach
    void cluster() {
        oc = fixture.workloadIdentityCluster("one");
        fixture.identities(oc);
        arm.put(oc.getProperties().getClusterProfile().getResourceGroupId(), JSON.createObjectNode().put("location", "eastus")); // the install made it
        ManagedIdentityIds ids = cloud.identityIds(oc);
        oc.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities()
                .forEach((operator, identity) -> identity.setObjectId(ids.operators().get(operator).principalId()));
        oc.getProperties().getClusterProfile().setOidcIssuer(cloud.publishOidcIssuer(oc, ISSUER));
    }

    @AfterEach
    void stop() {
        arm.close();
        blobs.close();
    }

    private long credentials() {
        return arm.ids().stream().filter(id -> id.contains("/federatedidentitycredentials/")).count();
    }

    @Test
    void theIdentitiesAreReadAsTheClusterIdentity() {
        ManagedIdentityIds ids = cloud.identityIds(oc);
        String clusterIdentity = oc.getIdentity().clusterIdentityId();
        assertEquals(AzureFixture.identityIds(clusterIdentity), ids.cluster());
        assertEquals(8, ids.operators().size());
        oc.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().forEach((operator, identity) ->
                assertEquals(AzureFixture.identityIds(identity.getResourceId()), ids.operators().get(operator), operator));
        assertTrue(arm.journal().stream().filter(l -> l.contains("/userassignedidentities/")).allMatch(l -> l.startsWith("cluster-identity GET ")));
    }

    @Test
    void theIssuerIsADirectoryOfTheRpsStorageAccountNamedForTheCluster() throws Exception {
        String issuer = "https://oidc.example.net/issuers/one-abcde";
        assertEquals(issuer, oc.getProperties().getClusterProfile().getOidcIssuer());
        assertEquals(List.of("$web/one-abcde/.well-known/openid-configuration", "$web/one-abcde/openid/v1/jwks"), blobs.paths());
        var discovery = JSON.readTree(blobs.get("$web/one-abcde/.well-known/openid-configuration").content());
        assertEquals(issuer, discovery.path("issuer").asText());
        assertEquals(ISSUER.keyId(), JSON.readTree(blobs.get("$web/one-abcde/openid/v1/jwks").content()).at("/keys/0/kid").asText());

        assertEquals(issuer, cloud.publishOidcIssuer(oc, ISSUER), "publishing again publishes the same");
        assertEquals(2, blobs.paths().size());
    }

    @Test
    void federatingAndGrantingAgainWritesNothing() {
        cloud.federateOperatorIdentities(oc, roleSet);
        cloud.grantOperatorRoles(oc, roleSet);
        long serviceAccounts = roleSet.getPlatformWorkloadIdentityRoles().stream().mapToLong(r -> r.getServiceAccounts().size()).sum();
        assertEquals(serviceAccounts, credentials());
        arm.resetJournal();

        cloud.federateOperatorIdentities(oc, roleSet);
        cloud.grantOperatorRoles(oc, roleSet);

        assertTrue(arm.journal().stream().allMatch(l -> l.contains(" GET ")), "only reads: " + arm.journal());
    }

    @Test
    void aCredentialWithAnotherIssuerIsRewritten() {
        cloud.federateOperatorIdentities(oc, roleSet);
        var identity = oc.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().get("ingress").getResourceId();
        String subject = roleSet.role("ingress").orElseThrow().getServiceAccounts().get(0);
        String id = identity + "/federatedIdentityCredentials/" + FederatedCredentials.name(oc, subject);
        arm.get(id).with("properties").put("issuer", "https://elsewhere.example");

        cloud.federateOperatorIdentities(oc, roleSet);

        assertEquals(oc.getProperties().getClusterProfile().getOidcIssuer(), arm.get(id).at("/properties/issuer").asText());
    }

    @Test
    void anExistingRoleAssignmentUnderAnotherNameIsEnough() {
        var identity = oc.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().get("ingress");
        var role = roleSet.role("ingress").orElseThrow();
        String group = oc.getProperties().getClusterProfile().getResourceGroupId();
        var existing = JSON.createObjectNode();
        existing.putObject("properties").put("principalId", identity.getObjectId())
                .put("roleDefinitionId", "/subscriptions/" + fixture.subscription + role.getRoleDefinitionId());
        arm.put(group + "/providers/Microsoft.Authorization/roleAssignments/" + UUID.randomUUID(), existing);

        cloud.grantOperatorRoles(oc, roleSet);

        assertEquals(roleSet.getPlatformWorkloadIdentityRoles().size(),
                arm.ids().stream().filter(id -> id.contains("/roleassignments/")).count(), "no second assignment for ingress");
    }

    @Test
    void deletingRemovesOnlyThisClustersCredentialsAndIssuer() {
        cloud.federateOperatorIdentities(oc, roleSet);
        OpenShiftCluster other = fixture.workloadIdentityCluster("two");
        other.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities()
                .forEach((operator, identity) -> identity.setResourceId(oc.getProperties().getPlatformWorkloadIdentityProfile()
                        .getPlatformWorkloadIdentities().get(operator).getResourceId()));
        other.getProperties().getClusterProfile().setOidcIssuer(cloud.publishOidcIssuer(other, ISSUER));
        cloud.federateOperatorIdentities(other, roleSet);
        long each = credentials() / 2;

        cloud.deleteWorkloadIdentity(oc);

        assertEquals(each, credentials(), "the other cluster's credentials on the same identities stay");
        assertEquals(List.of("$web/two-abcde/.well-known/openid-configuration", "$web/two-abcde/openid/v1/jwks"), blobs.paths());
        cloud.deleteWorkloadIdentity(oc); // a deletion that runs again
        String ingress = oc.getProperties().getPlatformWorkloadIdentityProfile().getPlatformWorkloadIdentities().get("ingress").getResourceId();
        arm.ids().stream().filter(id -> id.startsWith(ingress.toLowerCase(Locale.ROOT))).forEach(arm::remove);
        cloud.deleteWorkloadIdentity(other); // an identity the customer deleted already
        assertEquals(0, credentials(), arm.ids().toString());
        assertEquals(List.of(), blobs.paths());
    }

    @Test
    void anRpNotSetUpForManagedIdentityClustersSaysWhatToConfigure() {
        var unconfigured = new AzureWorkloadIdentityCloud(FakeArm.principal(FakeArm.RP_PRINCIPAL), null, fixture.settings(), null);
        var e = assertThrows(IllegalStateException.class, () -> unconfigured.identityIds(oc));
        assertTrue(e.getMessage().contains("ARO_OIDC_BLOB_ENDPOINT"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> unconfigured.publishOidcIssuer(oc, ISSUER));
    }
}
