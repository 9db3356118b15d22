package io.aro.rp.cloud.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.ServicePrincipalProfile;

/** A cluster's service principal from its client ID and secret, in the subscription's tenant, through azure-identity. */
public final class ClientSecretServicePrincipals implements ServicePrincipals {
    private final AzureCloudSettings settings;

    public ClientSecretServicePrincipals(AzureCloudSettings settings) {
        this.settings = settings;
    }

    @Override
    public TokenCredential of(OpenShiftCluster cluster) {
        ServicePrincipalProfile sp = cluster.getProperties().getServicePrincipalProfile();
        return new ClientSecretCredentialBuilder()
                .authorityHost(settings.authorityHost().toString())
                .tenantId(sp.getTenantId())
                .clientId(sp.getClientId())
                .clientSecret(sp.getClientSecret() == null ? "" : sp.getClientSecret().reveal())
                .build();
    }
}
