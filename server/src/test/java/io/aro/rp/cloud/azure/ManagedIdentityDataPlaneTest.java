package io.aro.rp.cloud.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.CloudErrorException;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.SecureString;
import io.aro.rp.cloud.TransientCloudException;
import io.aro.rp.cloud.WorkloadIdentityCloud.ClusterIdentityCertificate;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** ARM's managed identity data plane served by WireMock as it answers: a challenge naming the tenant, then the identity's credential. */
class ManagedIdentityDataPlaneTest {
    private static final String PATH = "/subscriptions/s/resourcegroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/one/credentials";
    private static final String TENANT = "44444444-4444-4444-4444-444444444444";
    private static final byte[] PFX = "pkcs12 bytes".getBytes(StandardCharsets.UTF_8);

    final FakeArm arm = new FakeArm();
    final WireMockServer msi = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    final List<TokenRequestContext> tokenRequests = new ArrayList<>();
    final TokenCredential rp = request -> {
        tokenRequests.add(request);
        return Mono.just(new AccessToken(FakeArm.token(FakeArm.RP_PRINCIPAL), OffsetDateTime.now().plusHours(1)));
    };
    final ManagedIdentityDataPlane dataPlane = new ManagedIdentityDataPlane(rp, "https://msi.example.net/");
    OpenShiftCluster oc;

    @BeforeEach
    void start() {
        msi.start();
        oc = new AzureFixture(arm, UUID.randomUUID().toString()).workloadIdentityCluster("one");
        oc.getIdentity().setIdentityUrl(SecureString.of("http://127.0.0.1:" + msi.port() + PATH + "?tid=t&oid=o&aid=a"));
        msi.stubFor(post(urlPathEqualTo(PATH)).withHeader("Authorization", absent()).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer authorization=\"https://login.microsoftonline.com/" + TENANT + "\", resource=\"https://msi.example.net\"")));
    }

    @AfterEach
    void stop() {
        msi.stop();
        arm.close();
    }

    private void answers(int status, String body) {
        msi.stubFor(post(urlPathEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + FakeArm.token(FakeArm.RP_PRINCIPAL)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void theCredentialIsAskedForInTheChallengesTenantAndReused() {
        answers(200, "{\"explicit_identities\":[{\"client_id\":\"cid\",\"tenant_id\":\"" + TENANT + "\",\"client_secret\":\""
                + Base64.getEncoder().encodeToString(PFX) + "\",\"resource_id\":\"" + oc.getIdentity().clusterIdentityId() + "\"}]}");

        ClusterIdentityCertificate certificate = dataPlane.certificate(oc);

        assertEquals("cid", certificate.clientId());
        assertEquals(TENANT, certificate.tenantId());
        assertArrayEquals(PFX, certificate.pkcs12());
        assertEquals(1, tokenRequests.size());
        assertEquals(TENANT, tokenRequests.get(0).getTenantId());
        assertEquals(List.of("https://msi.example.net/.default"), tokenRequests.get(0).getScopes());
        msi.verify(2, postRequestedFor(urlPathEqualTo(PATH)).withQueryParam("api-version", equalTo(ManagedIdentityDataPlane.API_VERSION))
                .withQueryParam("tid", equalTo("t")).withRequestBody(equalToJson("{\"identityIds\":[\"" + oc.getIdentity().clusterIdentityId() + "\"]}")));

        dataPlane.certificate(oc);
        msi.verify(2, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void anIdentityTheServiceRefusesIsTheCustomersError() {
        answers(404, "{\"error\":{\"code\":\"NotFound\"}}");
        CloudErrorException e = assertThrows(CloudErrorException.class, () -> dataPlane.certificate(oc));
        assertEquals(CloudErrorCodes.INVALID_CLUSTER_MSI_PERMISSIONS, e.getCloudError().getError().getCode());
        assertEquals("identity", e.getCloudError().getError().getTarget());
    }

    @Test
    void aServiceErrorIsRetried() {
        answers(503, "{}");
        assertThrows(TransientCloudException.class, () -> dataPlane.certificate(oc));
        answers(200, "not json");
        assertThrows(TransientCloudException.class, () -> dataPlane.certificate(oc));
    }

    @Test
    void theTenantIsTheChallengesAuthority() {
        assertEquals(TENANT, ManagedIdentityDataPlane.tenant("Bearer authorization=\"https://login.microsoftonline.com/" + TENANT + "/\""));
        assertEquals(TENANT, ManagedIdentityDataPlane.tenant("Bearer authorization=https://login.microsoftonline.us/" + TENANT + ", resource=x"));
        assertThrows(TransientCloudException.class, () -> ManagedIdentityDataPlane.tenant("Bearer realm=\"\""));
    }
}
