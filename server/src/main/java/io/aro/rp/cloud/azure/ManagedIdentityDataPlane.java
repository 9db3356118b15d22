package io.aro.rp.cloud.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.cloud.TransientCloudException;
import io.aro.rp.cloud.WorkloadIdentityCloud.ClusterIdentityCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ARM's managed identity data plane (api-version 2024-01-01): a POST to the {@code x-ms-identity-url} ARM
 * sent with the cluster, naming the cluster identity, returns the identity's certificate. The RP
 * authenticates as itself, in the tenant the data plane's challenge names, for the configured audience.
 * Certificates are reused for a while: they are valid for months, and every install step asks.
 */
public final class ManagedIdentityDataPlane implements ClusterIdentityCredentials {
    static final String API_VERSION = "2024-01-01";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AUTHORITY = Pattern.compile("authorization=\"?([^\",\\s]+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final TokenCredential rp;
    private final String audience;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Cache<String, ClusterIdentityCertificate> certificates = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(30)).maximumSize(1000).build();

    /**
     * @param rp the RP's own identity
     * @param audience the audience of the RP's tokens for the data plane
     */
    public ManagedIdentityDataPlane(TokenCredential rp, String audience) {
        this.rp = rp;
        this.audience = audience.replaceAll("/+$", "");
    }

    @Override
    public ClusterIdentityCertificate certificate(OpenShiftCluster cluster) {
        String identityUrl = cluster.getIdentity().getIdentityUrl().reveal();
        return certificates.get(identityUrl + "|" + cluster.getIdentity().clusterIdentityId(), key -> fetch(identityUrl, cluster.getIdentity().clusterIdentityId()));
    }

    @Override
    public TokenCredential credential(OpenShiftCluster cluster) {
        ClusterIdentityCertificate certificate = certificate(cluster);
        return new ClientCertificateCredentialBuilder().tenantId(certificate.tenantId()).clientId(certificate.clientId())
                .pfxCertificate(new ByteArrayInputStream(certificate.pkcs12())).build();
    }

    private ClusterIdentityCertificate fetch(String identityUrl, String clusterIdentityId) {
        URI uri = URI.create(identityUrl + (identityUrl.contains("?") ? "&" : "?") + "api-version=" + API_VERSION);
        String body = JSON.createObjectNode().set("identityIds", JSON.createArrayNode().add(clusterIdentityId)).toString();
        HttpResponse<String> challenge = send(uri, body, null);
        HttpResponse<String> response = challenge;
        if (challenge.statusCode() == 401) {
            String tenant = tenant(challenge.headers().firstValue("WWW-Authenticate").orElse(""));
            String token = rp.getTokenSync(new TokenRequestContext().addScopes(audience + "/.default").setTenantId(tenant)).getToken();
            response = send(uri, body, token);
        }
        if (response.statusCode() == 429 || response.statusCode() >= 500) {
            throw new TransientCloudException("the managed identity data plane answered " + response.statusCode(), null);
        }
        if (response.statusCode() != 200) {
            // the identity URL expired or the identity is gone: an update with ARM's fresh headers, or a new identity, mends it
            throw new CloudError(400, new CloudErrorBody(CloudErrorCodes.INVALID_CLUSTER_MSI_PERMISSIONS, String.format(
                    "The credentials of the cluster identity '%s' could not be obtained: the managed identity service answered %d.",
                    clusterIdentityId, response.statusCode()), "identity", null)).toException();
        }
        try {
            JsonNode identity = JSON.readTree(response.body()).path("explicit_identities").path(0);
            return new ClusterIdentityCertificate(identity.path("client_id").asText(), identity.path("tenant_id").asText(),
                    Base64.getDecoder().decode(identity.path("client_secret").asText()));
        } catch (IOException | IllegalArgumentException e) {
            throw new TransientCloudException("the managed identity data plane answered what is not a credential", e);
        }
    }

    private HttpResponse<String> send(URI uri, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TransientCloudException("the managed identity data plane is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientCloudException("interrupted", e);
        }
    }

    /** The tenant of the challenge's authority, {@code https://login.microsoftonline.com/<tenant>}. */
    static String tenant(String challenge) {
        Matcher m = AUTHORITY.matcher(challenge);
        if (!m.find()) {
            throw new TransientCloudException("the managed identity data plane's challenge names no authority: " + challenge, null);
        }
        String path = URI.create(m.group(1)).getPath();
        return path.replaceAll("^/+|/+$", "");
    }
}
