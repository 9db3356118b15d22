package io.aro.rp.cloud.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientCertificateCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import io.aro.rp.config.AzureConfiguration;

/** The RP's own Azure identity, as configured: DefaultAzureCredential, a managed identity, or an application's client certificate. */
public final class ResourceProviderIdentity {
    private ResourceProviderIdentity() {
    }

    public static TokenCredential credential(AzureConfiguration config) {
        String authority = config.authorityHost().toString();
        return switch (config.credential()) {
            case MANAGED_IDENTITY -> {
                ManagedIdentityCredentialBuilder builder = new ManagedIdentityCredentialBuilder();
                if (config.clientId() != null) {
                    builder.clientId(config.clientId());
                }
                yield builder.build();
            }
            case CLIENT_CERTIFICATE -> new ClientCertificateCredentialBuilder()
                    .authorityHost(authority)
                    .tenantId(config.tenantId())
                    .clientId(config.clientId())
                    .pemCertificate(config.clientCertificatePath().toString())
                    .sendCertificateChain(true)
                    .build();
            case DEFAULT -> {
                DefaultAzureCredentialBuilder builder = new DefaultAzureCredentialBuilder().authorityHost(authority);
                if (config.clientId() != null) {
                    builder.managedIdentityClientId(config.clientId());
                }
                yield builder.build();
            }
        };
    }
}
