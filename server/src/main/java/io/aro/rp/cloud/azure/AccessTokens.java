package io.aro.rp.cloud.azure;

import static io.aro.rp.cloud.azure.ArmErrors.failure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aro.rp.cloud.TransientCloudException;
import java.io.IOException;
import java.util.Base64;

/** What a principal's access token says about it. */
final class AccessTokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AccessTokens() {
    }

    /**
     * A token of the cluster's service principal. Entra ID refusing it (an {@code AADSTS} error: unknown
     * client, wrong secret, expired secret) is InvalidServicePrincipalCredentials; not reaching Entra ID
     * is transient.
     */
    static String servicePrincipalToken(TokenCredential credential, String scope) {
        try {
            return credential.getTokenSync(new TokenRequestContext().addScopes(scope)).getToken();
        } catch (ClientAuthenticationException e) {
            if (e.getMessage() != null && e.getMessage().contains("AADSTS")) {
                throw invalidCredentials();
            }
            throw new TransientCloudException("cannot get a token for the service principal", e);
        }
    }

    /** The object ID ({@code oid} claim) of the service principal, as ARO learns it without a Microsoft Graph call. */
    static String objectId(TokenCredential credential, String scope) {
        String[] parts = servicePrincipalToken(credential, scope).split("\\.");
        if (parts.length < 2) {
            throw new IllegalStateException("the service principal's access token is not a JWT");
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            String oid = claims.path("oid").asText("");
            if (oid.isEmpty()) {
                throw new IllegalStateException("the service principal's access token has no oid claim");
            }
            return oid;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the service principal's access token cannot be read", e);
        }
    }

    static RuntimeException invalidCredentials() {
        return failure("InvalidServicePrincipalCredentials",
                "The provided service principal credentials are invalid: they cannot get a token. Check the client ID and secret.",
                "properties.servicePrincipalProfile");
    }
}
