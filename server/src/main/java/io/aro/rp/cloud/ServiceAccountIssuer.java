package io.aro.rp.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.SecureString;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The key that signs a workload identity cluster's service account tokens, and the OIDC documents that
 * publish it (as ccoctl makes them for OpenShift's manual credentials mode): a discovery document and a
 * JSON Web Key Set whose key ID is the SHA-256 of the public key.
 */
public final class ServiceAccountIssuer {
    /** Where the documents are, under the issuer URL. */
    public static final String DISCOVERY_PATH = ".well-known/openid-configuration";
    public static final String JWKS_PATH = "openid/v1/jwks";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEY_BITS = 4096;

    private final RSAPublicKey publicKey;

    private ServiceAccountIssuer(RSAPublicKey publicKey) {
        this.publicKey = publicKey;
    }

    /** A new signing key, PKCS#8 PEM: a secret the cluster document keeps and the installer receives. */
    public static SecureString newSigningKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            KeyPair pair = generator.generateKeyPair();
            String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded());
            return SecureString.of("-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        }
    }

    /** The issuer of the signing key {@code pem} (PKCS#8). */
    public static ServiceAccountIssuer of(SecureString pem) {
        String body = pem.reveal().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new ServiceAccountIssuer((RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA private key in PKCS#8 PEM", e);
        }
    }

    /** The key ID: base64url of the SHA-256 of the DER public key. */
    public String keyId() {
        try {
            return base64Url(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The OIDC discovery document of the issuer at {@code issuerUrl} (no trailing slash). */
    public String discoveryDocument(String issuerUrl) {
        ObjectNode doc = JSON.createObjectNode().put("issuer", issuerUrl).put("jwks_uri", issuerUrl + "/" + JWKS_PATH);
        doc.putArray("response_types_supported").add("id_token");
        doc.putArray("subject_types_supported").add("public");
        doc.putArray("id_token_signing_alg_values_supported").add("RS256");
        return doc.toString();
    }

    /** The JSON Web Key Set with the public key. */
    public String jwks() {
        ObjectNode jwks = JSON.createObjectNode();
        jwks.putArray("keys").addObject()
                .put("use", "sig")
                .put("kty", "RSA")
                .put("kid", keyId())
                .put("alg", "RS256")
                .put("n", base64Url(unsigned(publicKey.getModulus())))
                .put("e", base64Url(unsigned(publicKey.getPublicExponent())));
        return jwks.toString();
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
