package io.aro.rp.database.cosmos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real Cosmos DB protocol server for tests: {@code src/test/cosmos/cosmosdb-test-server.js}
 * (@vercel/cosmosdb-server with the Java SDK fixes) in its own Node.js process, over HTTPS with a
 * certificate generated for 127.0.0.1 that the test JVM trusts. One server per test JVM; each test uses
 * its own database.
 */
public final class CosmosTestServer {
    /** The well-known key of the Cosmos DB emulator; the test server accepts any. */
    public static final String KEY = "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==";
    private static final Path SERVER_DIR = Path.of("src", "test", "cosmos").toAbsolutePath();
    private static final String PASSWORD = "changeit";
    private static CosmosTestServer instance;

    private final Process process;
    private final int port;
    private final SSLContext sslContext;

    private CosmosTestServer(Process process, int port, SSLContext sslContext) {
        this.process = process;
        this.port = port;
        this.sslContext = sslContext;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized CosmosTestServer get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.process::destroyForcibly));
        }
        return instance;
    }

    public String endpoint() {
        return "https://127.0.0.1:" + port + "/";
    }

    /** Settings for a database of its own on this server. */
    public CosmosSettings settings(String databaseName) {
        return new CosmosSettings(endpoint(), KEY, databaseName, false, false, 9, Duration.ofSeconds(30), true);
    }

    /** Makes the next {@code count} document requests to {@code database} answer 429 Too Many Requests. */
    public void throttleNext(String database, int count) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().sslContext(sslContext).version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create(endpoint() + "_test/throttle"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"count\":" + count + ",\"database\":\"" + database + "\"}")).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("throttle control answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CosmosTestServer start() {
        if (!Files.isDirectory(SERVER_DIR.resolve("node_modules/@vercel/cosmosdb-server"))) {
            throw new IllegalStateException("the Cosmos DB test server is not installed: run 'npm ci' in " + SERVER_DIR
                    + " (the Maven build does when node_modules is absent)");
        }
        try {
            Path dir = Files.createTempDirectory("cosmos-test-server");
            Path cert = dir.resolve("cert.pem");
            Path key = dir.resolve("key.pem");
            run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
                    "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
            KeyStore trustStore = trustStore(cert);
            Path trustStoreFile = dir.resolve("truststore.p12");
            try (OutputStream out = Files.newOutputStream(trustStoreFile)) {
                trustStore.store(out, PASSWORD.toCharArray());
            }
            // The SDK builds its TLS context from the JVM's default trust store settings.
            System.setProperty("javax.net.ssl.trustStore", trustStoreFile.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");

            Process process = new ProcessBuilder("node", SERVER_DIR.resolve("cosmosdb-test-server.js").toString(),
                    "--cert", cert.toString(), "--key", key.toString())
                    .redirectError(dir.resolve("server.log").toFile())
                    .start();
            int port = readPort(process);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, trust.getTrustManagers(), null);
            return new CosmosTestServer(process, port, ssl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Cosmos DB test server", e);
        }
    }

    private static KeyStore trustStore(Path cert) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            Certificate certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            store.setCertificateEntry("cosmos-test-server", certificate);
        }
        return store;
    }

    private static int readPort(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(30, TimeUnit.SECONDS);
        if (line == null || !line.startsWith("listening ")) {
            process.destroyForcibly();
            throw new IllegalStateException("the Cosmos DB test server did not start: " + line);
        }
        return Integer.parseInt(line.substring("listening ".length()).trim());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
