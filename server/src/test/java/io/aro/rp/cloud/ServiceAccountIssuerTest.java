package io.aro.rp.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aro.rp.api.SecureString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The cluster's service account issuer: what Entra ID reads must verify the tokens the cluster signs with its key. */
class ServiceAccountIssuerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureString KEY = ServiceAccountIssuer.newSigningKey();

    @Test
    void aTokenSignedWithTheKeyVerifiesWithThePublishedKeySet() throws Exception {
        PrivateKey signingKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder()
                .decode(KEY.reveal().replaceAll("-----[A-Z ]+-----", ""))));
        assertEquals(4096, ((RSAPrivateCrtKey) signingKey).getModulus().bitLength());
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(signingKey);
        byte[] token = "header.payload".getBytes(StandardCharsets.US_ASCII);
        signer.update(token);
        byte[] signature = signer.sign();

        JsonNode key = JSON.readTree(ServiceAccountIssuer.of(KEY).jwks()).at("/keys/0");
        assertEquals("RSA", key.path("kty").asText());
        assertEquals("RS256", key.path("alg").asText());
        assertEquals("sig", key.path("use").asText());
        Base64.Decoder url = Base64.getUrlDecoder();
        PublicKey published = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(new BigInteger(1, url.decode(key.path("n").asText())),
                new BigInteger(1, url.decode(key.path("e").asText()))));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(published);
        verifier.update(token);
        assertTrue(verifier.verify(signature));
        assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(published.getEncoded())),
                key.path("kid").asText(), "the key ID is the SHA-256 of the public key, as OpenShift's");
    }

    @Test
    void theDiscoveryDocumentNamesTheIssuerAndItsKeys() throws Exception {
        JsonNode doc = JSON.readTree(ServiceAccountIssuer.of(KEY).discoveryDocument("https://oidc.example.net/one-abcde"));
        assertEquals("https://oidc.example.net/one-abcde", doc.path("issuer").asText());
        assertEquals("https://oidc.example.net/one-abcde/openid/v1/jwks", doc.path("jwks_uri").asText());
        assertEquals("[\"RS256\"]", doc.path("id_token_signing_alg_values_supported").toString());
    }

    @Test
    void eachClusterHasItsOwnKeyAndTheSameKeyGivesTheSameIssuer() {
        assertEquals(ServiceAccountIssuer.of(KEY).jwks(), ServiceAccountIssuer.of(KEY).jwks());
        assertNotEquals(ServiceAccountIssuer.of(KEY).keyId(), ServiceAccountIssuer.of(ServiceAccountIssuer.newSigningKey()).keyId());
        assertThrows(IllegalArgumentException.class, () -> ServiceAccountIssuer.of(SecureString.of("-----BEGIN PRIVATE KEY-----\nAAAA\n")));
    }
}
