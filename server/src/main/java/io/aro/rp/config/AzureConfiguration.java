package io.aro.rp.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How the RP reaches Azure when {@code ARO_CLOUD=azure}: which cloud, and which identity the RP itself
 * uses (the cluster's service principal comes from each cluster document).
 *
 * <table>
 * <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 * <tr><td>ARO_AZURE_CREDENTIAL</td><td>default</td><td>{@code default} (DefaultAzureCredential: environment, workload
 *     identity, managed identity, Azure CLI), {@code managed-identity} or {@code client-certificate}</td></tr>
 * <tr><td>ARO_AZURE_CLIENT_ID</td><td>–</td><td>the RP's application (client-certificate) or user-assigned managed identity</td></tr>
 * <tr><td>ARO_AZURE_TENANT_ID</td><td>–</td><td>the RP's tenant (client-certificate)</td></tr>
 * <tr><td>ARO_AZURE_CLIENT_CERTIFICATE_PATH</td><td>–</td><td>PEM file with the RP's certificate and private key (client-certificate)</td></tr>
 * <tr><td>ARO_AZURE_RESOURCE_MANAGER_ENDPOINT, ARO_AZURE_AUTHORITY_HOST</td><td>the public cloud's</td><td>ARM and Microsoft
 *     Entra ID, for sovereign clouds</td></tr>
 * <tr><td>ARO_AZURE_CLOUD_NAME</td><td>AzurePublicCloud</td><td>the cloud as the OpenShift installer names it</td></tr>
 * <tr><td>ARO_MANAGED_DOMAIN_ZONE_ID</td><td>–</td><td>resource ID of the public DNS zone of ARO_MANAGED_DOMAIN, which delegates
 *     to each cluster's zone</td></tr>
 * <tr><td>ARO_OIDC_BLOB_ENDPOINT</td><td>–</td><td>the Blob endpoint of the storage account whose {@code $web} container
 *     publishes managed identity clusters' OIDC issuers</td></tr>
 * <tr><td>ARO_OIDC_ISSUER_ENDPOINT</td><td>–</td><td>the public URL serving that container (static website or CDN)</td></tr>
 * <tr><td>ARO_MSI_DATAPLANE_AUDIENCE</td><td>–</td><td>the audience of the RP's tokens for ARM's managed identity data plane</td></tr>
 * </table>
 */
public record AzureConfiguration(AzureCredentialKind credential, String clientId, String tenantId, Path clientCertificatePath, URI resourceManagerEndpoint,
        URI authorityHost, String cloudName, String managedDomainZoneId, URI oidcBlobEndpoint, URI oidcIssuerEndpoint, String msiDataPlaneAudience) {
    public AzureConfiguration {
        Objects.requireNonNull(credential, "credential");
        if (credential == AzureCredentialKind.CLIENT_CERTIFICATE && (clientId == null || tenantId == null || clientCertificatePath == null)) {
            throw new IllegalArgumentException(
                    "ARO_AZURE_CREDENTIAL=client-certificate needs ARO_AZURE_CLIENT_ID, ARO_AZURE_TENANT_ID and ARO_AZURE_CLIENT_CERTIFICATE_PATH");
        }
        long workloadIdentity = Stream.of(oidcBlobEndpoint, oidcIssuerEndpoint, msiDataPlaneAudience).filter(Objects::nonNull).count();
        if (workloadIdentity != 0 && workloadIdentity != 3) {
            throw new IllegalArgumentException(
                    "managed identity clusters need all of ARO_OIDC_BLOB_ENDPOINT, ARO_OIDC_ISSUER_ENDPOINT and ARO_MSI_DATAPLANE_AUDIENCE, or none");
        }
    }

    /** Whether the RP is set up to install managed identity clusters. */
    public boolean workloadIdentity() {
        return oidcBlobEndpoint != null;
    }

    static AzureConfiguration fromEnvironment(Map<String, String> env) {
        String certificate = env.get("ARO_AZURE_CLIENT_CERTIFICATE_PATH");
        String oidcBlob = env.get("ARO_OIDC_BLOB_ENDPOINT");
        String oidcIssuer = env.get("ARO_OIDC_ISSUER_ENDPOINT");
        return new AzureConfiguration(
                Choice.parse(AzureCredentialKind.class, "ARO_AZURE_CREDENTIAL", env.getOrDefault("ARO_AZURE_CREDENTIAL", "default")),
                env.get("ARO_AZURE_CLIENT_ID"),
                env.get("ARO_AZURE_TENANT_ID"),
                certificate == null ? null : Path.of(certificate),
                URI.create(env.getOrDefault("ARO_AZURE_RESOURCE_MANAGER_ENDPOINT", "https://management.azure.com/")),
                URI.create(env.getOrDefault("ARO_AZURE_AUTHORITY_HOST", "https://login.microsoftonline.com/")),
                env.getOrDefault("ARO_AZURE_CLOUD_NAME", "AzurePublicCloud"),
                env.get("ARO_MANAGED_DOMAIN_ZONE_ID"),
                oidcBlob == null ? null : URI.create(oidcBlob),
                oidcIssuer == null ? null : URI.create(oidcIssuer),
                env.get("ARO_MSI_DATAPLANE_AUDIENCE"));
    }
}
