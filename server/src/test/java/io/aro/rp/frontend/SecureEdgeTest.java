package io.aro.rp.frontend;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.aro.rp.api.OpenShiftVersion;
import io.aro.rp.cloud.SimulatedCloud;
import io.aro.rp.cloud.SimulatedResources;
import io.aro.rp.database.Database;
import io.aro.rp.database.LeaseSettings;
import io.aro.rp.database.PreconditionRetry;
import io.aro.rp.database.SecretCipher;
import io.aro.rp.database.embedded.EmbeddedDocumentStore;
import io.aro.rp.management.Tracing;
import io.aro.rp.frontend.tls.ArmClientCertificates;
import io.aro.rp.frontend.tls.PemFiles;
import io.aro.rp.frontend.tls.ServerCertificate;
import io.aro.rp.frontend.tls.SubjectNameAndIssuer;
import io.aro.rp.frontend.tls.Thumbprints;
import io.aro.rp.testing.TestCertificates;
import io.aro.rp.testing.TestCertificates.Issued;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The secured edge over real TLS: certificates made in the test, the frontend on HTTPS, ARM's metadata
 * served by WireMock, and the JDK's HTTP client presenting client certificates.
 */
class SecureEdgeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATIONS = "/providers/Microsoft.RedHatOpenShift/operations?api-version=2023-11-22";
    private static final String VERSIONS = "/admin/versions?api-version=admin";

    @TempDir
    Path dir;
    final Issued serverCa = TestCertificates.ca("rp-ca");
    final Issued armCa = TestCertificates.ca("arm-ca");
    final Issued sreCa = TestCertificates.ca("sre-ca");
    final Issued arm = TestCertificates.client(armCa, "arm.management.azure.com");
    final Issued armRetired = TestCertificates.client(armCa, "arm.management.azure.com");
    final Issued stranger = TestCertificates.client(armCa, "stranger");
    final Issued sre = TestCertificates.client(sreCa, "sre");
    final Issued notAnSre = TestCertificates.client(sreCa, "someone-else");
    WireMockServer metadata;
    ArmClientCertificates armCertificates;
    ServerCertificate serverCertificate;
    Path[] serverFiles;
    Database database;
    Frontend frontend;
    ListAppender<ILoggingEvent> refusals = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        metadata = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        metadata.start();
        publish(entry(arm, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30))),
                entry(armRetired, Instant.now().minus(Duration.ofDays(60)), Instant.now().minus(Duration.ofDays(1))));
        armCertificates = new ArmClientCertificates(URI.create(metadata.baseUrl() + "/metadata/authentication?api-version=2015-01-01"),
                HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), Clock.systemUTC(), Duration.ofHours(1), Duration.ofMinutes(1));

        serverFiles = TestCertificates.server(serverCa, "rp-1").write(dir, "server");
        serverCertificate = ServerCertificate.start(new PemFiles(serverFiles[0], serverFiles[1]), Duration.ofHours(1));
        database = Database.open(EmbeddedDocumentStore.open(dir.resolve("rp.db"), Clock.systemUTC(), false, failure -> { }), SecretCipher.fromBase64(SecretCipher.newKey()),
                PreconditionRetry.DEFAULT, new LeaseSettings("edge-test", Duration.ofSeconds(60), Clock.systemUTC()));
        database.openShiftVersions().seed(List.of(OpenShiftVersion.withDefaultPullspecs("4.14.38")), "4.14.38");
        frontend = Frontend.start(new FrontendSettings(URI.create("https://127.0.0.1:0/"), "eastus", "eastus.aroapp.io", 10, Duration.ZERO, null),
                new FrontendSecurity(serverCertificate, CallerAuthentication.of(armCertificates, new SubjectNameAndIssuer(List.of(sreCa.certificate()),
                        "sre"))), database, new io.aro.rp.frontend.SkipTokens(new byte[32]),
                new SimulatedCloud(new SimulatedResources(dir.resolve("cloud")), Duration.ZERO), new SimpleMeterRegistry(), Tracing.off(), Clock.systemUTC(),
                PreconditionRetry.DEFAULT);
        refusals.start();
        ((Logger) LoggerFactory.getLogger(CallerAuthentication.class)).addAppender(refusals);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(CallerAuthentication.class)).detachAppender(refusals);
        frontend.close();
        database.close();
        serverCertificate.close();
        metadata.stop();
    }

    private static Map<String, String> entry(Issued certificate, Instant notBefore, Instant notAfter) throws Exception {
        return Map.of("thumbprint", Thumbprints.sha1(certificate.certificate()), "notBefore", notBefore.toString(), "notAfter", notAfter.toString(),
                "certificate", Base64.getEncoder().encodeToString(certificate.certificate().getEncoded()));
    }

    @SafeVarargs
    private void publish(Map<String, String>... certificates) throws Exception {
        metadata.resetAll();
        metadata.stubFor(get(urlPathEqualTo("/metadata/authentication")).willReturn(aResponse().withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(JSON.writeValueAsString(Map.of("clientCertificates", List.of(certificates))))));
    }

    private HttpResponse<String> call(Issued client, String path) throws IOException, InterruptedException {
        return client(client).send(HttpRequest.newBuilder(URI.create(frontend.uri() + path.substring(1))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient client(Issued client) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(TestCertificates.clientContext(serverCa, client)).build();
    }

    private static void assertForbidden(HttpResponse<String> response) throws IOException {
        assertEquals(403, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertEquals("Forbidden", error.path("code").asText());
        assertEquals("Forbidden.", error.path("message").asText());
    }

    @Test
    void onlyArmsCurrentCertificateCallsTheCustomerApi() throws Exception {
        assertTrue(armCertificates.refresh());

        assertEquals(200, call(arm, OPERATIONS).statusCode());
        assertForbidden(call(null, OPERATIONS));
        assertForbidden(call(stranger, OPERATIONS));
        assertForbidden(call(armRetired, OPERATIONS));
        assertForbidden(call(sre, OPERATIONS));
        assertEquals(200, call(null, "/healthz").statusCode(), "health needs no certificate");

        List<ILoggingEvent> logged = refusals.list;
        assertEquals(4, logged.size(), logged.toString());
        String stranger = logged.get(1).getKeyValuePairs().toString();
        assertTrue(stranger.contains("CN=stranger") && stranger.contains(Thumbprints.sha1(this.stranger.certificate())), stranger);
    }

    @Test
    void onlyAnSresCertificateCallsTheAdminApi() throws Exception {
        ListAppender<ILoggingEvent> audit = new ListAppender<>();
        audit.start();
        ((Logger) LoggerFactory.getLogger("io.aro.rp.audit")).addAppender(audit);
        assertTrue(armCertificates.refresh());
        assertEquals(200, call(sre, VERSIONS).statusCode());
        ((Logger) LoggerFactory.getLogger("io.aro.rp.audit")).detachAppender(audit);
        assertTrue(audit.list.get(0).getKeyValuePairs().toString().contains("CN=sre"), "the audit names the SRE: " + audit.list);

        assertForbidden(call(arm, VERSIONS));
        assertForbidden(call(notAnSre, VERSIONS));
        assertForbidden(call(TestCertificates.client(TestCertificates.ca("sre-ca"), "sre"), VERSIONS));
        assertForbidden(call(null, VERSIONS));
    }

    @Test
    void aFailedRefreshKeepsTheLastGoodListAndReadinessFollowsIt() throws Exception {
        assertEquals(503, call(null, "/healthz/ready").statusCode(), "not ready before ARM's certificates are known");
        assertTrue(armCertificates.refresh());
        assertEquals(200, call(null, "/healthz/ready").statusCode());

        metadata.resetAll();
        metadata.stubFor(get(urlPathEqualTo("/metadata/authentication")).willReturn(aResponse().withStatus(500)));
        assertFalse(armCertificates.refresh());
        assertEquals(200, call(arm, OPERATIONS).statusCode(), "the last good list still holds");

        publish(entry(arm, Instant.now().minus(Duration.ofDays(60)), Instant.now().minus(Duration.ofDays(1))));
        assertFalse(armCertificates.refresh(), "a list with no current certificate is a bad answer");
        assertEquals(200, call(arm, OPERATIONS).statusCode());

        Issued rotated = TestCertificates.client(armCa, "arm.management.azure.com");
        publish(entry(rotated, Instant.now().minus(Duration.ofMinutes(5)), Instant.now().plus(Duration.ofDays(30))));
        assertTrue(armCertificates.refresh());
        assertEquals(200, call(rotated, OPERATIONS).statusCode(), "ARM's rotated certificate");
        assertForbidden(call(arm, OPERATIONS));
    }

    @Test
    void aRotatedServerCertificateIsServedWithoutARestart() throws Exception {
        X509Certificate before = peer(client(null).send(HttpRequest.newBuilder(URI.create(frontend.uri() + "healthz")).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertEquals("CN=rp-1", before.getSubjectX500Principal().getName());

        Issued next = TestCertificates.server(serverCa, "rp-2");
        Files.writeString(serverFiles[0], next.certificatePem());
        Files.writeString(serverFiles[1], next.keyPem());
        serverCertificate.reload();

        X509Certificate after = peer(client(null).send(HttpRequest.newBuilder(URI.create(frontend.uri() + "healthz")).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertEquals("CN=rp-2", after.getSubjectX500Principal().getName());

        Files.writeString(serverFiles[0], "not a certificate");
        serverCertificate.reload();
        assertEquals("CN=rp-2", peer(client(null).send(HttpRequest.newBuilder(URI.create(frontend.uri() + "healthz")).build(),
                HttpResponse.BodyHandlers.ofString())).getSubjectX500Principal().getName(), "a bad file keeps the certificate being served");
    }

    @Test
    void theListenerSpeaksTls12AndTls13Only() throws Exception {
        for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
            SSLParameters parameters = new SSLParameters();
            parameters.setProtocols(new String[] {protocol});
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(TestCertificates.clientContext(serverCa, null))
                    .sslParameters(parameters).build();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(frontend.uri() + "healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(protocol, response.sslSession().orElseThrow().getProtocol());
        }
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        assertThrows(IOException.class, () -> plain.send(HttpRequest.newBuilder(URI.create(frontend.uri().toString().replace("https:", "http:")
                + "healthz")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()), "no plain HTTP on the TLS port");
    }

    private static X509Certificate peer(HttpResponse<?> response) throws Exception {
        return (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
    }
}
