package io.aro.rp.frontend.tls;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.aro.rp.testing.TestCertificates;
import io.aro.rp.testing.TestCertificates.Issued;
import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The TLS certificate from Key Vault (served by WireMock), in both of the content types Key Vault keeps certificates in, and its rotation. */
class KeyVaultCertificateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer vault = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    final Issued ca = TestCertificates.ca("vault-ca");

    KeyVaultCertificateTest() {
        vault.start();
    }

    @AfterEach
    void stop() {
        vault.stop();
    }

    /** A client of the fake vault: its pipeline has no credential policy, which would insist on HTTPS. */
    private SecretClient secrets() {
        return new SecretClientBuilder().vaultUrl(vault.baseUrl()).pipeline(new HttpPipelineBuilder().httpClient(HttpClient.createDefault()).build())
                .buildClient();
    }

    private void serve(String value, String contentType) throws Exception {
        vault.resetAll();
        vault.stubFor(get(urlPathEqualTo("/secrets/rp-server/")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(JSON.writeValueAsString(Map.of("value", value, "contentType", contentType,
                        "id", vault.baseUrl() + "/secrets/rp-server/1", "attributes", Map.of("enabled", true))))));
    }

    @Test
    void aPemCertificateIsServedAndItsRotationPickedUp() throws Exception {
        Issued first = TestCertificates.server(ca, "rp-first");
        serve(first.certificatePem() + first.keyPem() + ca.certificatePem(), "application/x-pem-file");
        ServerCertificate certificate = ServerCertificate.start(new KeyVaultCertificate(secrets(), "rp-server"), Duration.ofHours(1));
        assertEquals(first.certificate(), certificate.getCertificateChain(certificate.chooseServerAlias("EC", null, null))[0]);
        assertEquals(2, certificate.getCertificateChain(certificate.chooseServerAlias("EC", null, null)).length, "with its chain");

        Issued second = TestCertificates.server(ca, "rp-second");
        serve(second.certificatePem() + second.keyPem(), "application/x-pem-file");
        certificate.reload();
        String alias = certificate.chooseServerAlias("EC", null, null);
        assertEquals(second.certificate(), certificate.getCertificateChain(alias)[0]);
        assertEquals(second.key(), certificate.getPrivateKey(alias));

        vault.resetAll(); // the vault out of reach: the rotated certificate stays
        certificate.reload();
        assertEquals(second.certificate(), certificate.getCertificateChain(certificate.chooseServerAlias("EC", null, null))[0]);
        certificate.close();
    }

    @Test
    void aPkcs12CertificateIsRead() throws Exception {
        Issued issued = TestCertificates.server(ca, "rp-pfx");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("rp", issued.key(), new char[0], new Certificate[] {issued.certificate(), ca.certificate()});
        ByteArrayOutputStream pfx = new ByteArrayOutputStream();
        store.store(pfx, new char[0]);
        serve(Base64.getEncoder().encodeToString(pfx.toByteArray()), "application/x-pkcs12");

        KeyMaterial material = new KeyVaultCertificate(secrets(), "rp-server").load();
        assertEquals(issued.certificate(), material.chain().get(0));
        assertEquals(ca.certificate(), material.chain().get(1));
    }
}
