package io.aro.rp.cloud.azure;

import java.net.URI;
import java.util.Objects;

/**
 * Where managed identity clusters' OIDC issuers are published, and how the RP reaches ARM's managed
 * identity data plane.
 *
 * @param oidcBlobEndpoint the Blob endpoint of the RP's OIDC storage account, whose {@code $web} container holds a directory per cluster
 * @param oidcIssuerEndpoint the public URL that serves that container (the account's static website, or a CDN in front of it)
 * @param msiDataPlaneAudience the audience of the RP's tokens for the managed identity data plane
 */
public record WorkloadIdentitySettings(URI oidcBlobEndpoint, URI oidcIssuerEndpoint, String msiDataPlaneAudience) {
    public WorkloadIdentitySettings {
        Objects.requireNonNull(oidcBlobEndpoint, "oidcBlobEndpoint");
        Objects.requireNonNull(oidcIssuerEndpoint, "oidcIssuerEndpoint");
        Objects.requireNonNull(msiDataPlaneAudience, "msiDataPlaneAudience");
    }

    /** The issuer URL of the directory {@code directory}: no trailing slash, as the cluster's tokens carry it. */
    String issuerUrl(String directory) {
        return oidcIssuerEndpoint.toString().replaceAll("/+$", "") + "/" + directory;
    }
}
