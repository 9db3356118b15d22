package io.aro.rp.cloud.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpClient;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import io.aro.rp.cloud.ServiceAccountIssuer;
import io.aro.rp.cloud.TransientCloudException;
import java.util.List;
import java.util.function.Supplier;

/**
 * The OIDC issuers of managed identity clusters: a directory per cluster in the {@code $web} container of
 * the RP's OIDC storage account (as ARO publishes them), written as the RP. Writing a document again
 * overwrites it, so that a repeated step publishes the same thing.
 */
final class OidcIssuerStorage {
    private static final String CONTAINER = "$web";

    private final BlobContainerClient container;
    private final WorkloadIdentitySettings settings;

    OidcIssuerStorage(HttpClient httpClient, TokenCredential rp, AzureCloudSettings azure, WorkloadIdentitySettings settings) {
        this.settings = settings;
        this.container = new BlobContainerClientBuilder()
                .endpoint(settings.oidcBlobEndpoint().toString())
                .containerName(CONTAINER)
                .pipeline(ArmClients.pipeline(httpClient, rp, "https://storage.azure.com/.default", settings.oidcBlobEndpoint(), azure))
                .buildClient();
    }

    /** Publishes the discovery document and the keys of {@code issuer} in {@code directory}; returns the issuer URL. */
    String publish(String directory, ServiceAccountIssuer issuer) {
        String url = settings.issuerUrl(directory);
        upload(directory + "/" + ServiceAccountIssuer.DISCOVERY_PATH, issuer.discoveryDocument(url));
        upload(directory + "/" + ServiceAccountIssuer.JWKS_PATH, issuer.jwks());
        return url;
    }

    /** The documents of {@code directory} removed; gone ones are fine. */
    void delete(String directory) {
        for (String path : List.of(ServiceAccountIssuer.DISCOVERY_PATH, ServiceAccountIssuer.JWKS_PATH)) {
            call(() -> container.getBlobClient(directory + "/" + path).deleteIfExists(), "deleting the OIDC document " + path);
        }
    }

    private void upload(String name, String json) {
        BlobParallelUploadOptions options = new BlobParallelUploadOptions(BinaryData.fromString(json))
                .setHeaders(new BlobHttpHeaders().setContentType("application/json"));
        call(() -> container.getBlobClient(name).uploadWithResponse(options, null, null), "publishing the OIDC document " + name);
    }

    private static <T> T call(Supplier<T> call, String what) {
        try {
            return call.get();
        } catch (BlobStorageException e) {
            if (e.getStatusCode() == 429 || e.getStatusCode() >= 500) {
                throw new TransientCloudException(what + " failed with " + e.getStatusCode(), e);
            }
            throw new IllegalStateException(what + " failed: " + e.getErrorCode(), e); // the RP's own storage refused the RP: a fault
        } catch (HttpResponseException e) {
            throw new TransientCloudException(what + " failed: " + e.getMessage(), e);
        }
    }
}
