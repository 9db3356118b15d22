package io.aro.rp.sdk;

/**
 * Where the client gets the bearer token of each request, for example from azure-identity:
 * {@code () -> credential.getTokenSync(new TokenRequestContext().addScopes("https://management.azure.com/.default")).getToken()}.
 * Called before every request, so it should cache tokens (azure-identity's credentials do).
 */
@FunctionalInterface
public interface AccessTokenSupplier {
    String getToken();
}
