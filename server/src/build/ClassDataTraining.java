import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Makes the class data sharing archive the README's run command uses ({@code -XX:SharedArchiveFile}): runs the
 * built jar once with {@code -XX:ArchiveClassesAtExit}, serves it a few requests so that the request path's
 * classes are archived too, and stops it with SIGTERM; the JVM writes the archive as it exits. A JVM started
 * with the archive maps those classes instead of loading and verifying them (about a second of the time to
 * ready). Run by the build ({@code mvn package}) as a single-file program:
 * {@code java ClassDataTraining.java <jar> <archive> <work directory>}.
 */
public final class ClassDataTraining {
    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path archive = Path.of(args[1]).toAbsolutePath();
        Path data = Files.createDirectories(Path.of(args[2]).toAbsolutePath()).resolve("data-" + UUID.randomUUID());
        Files.deleteIfExists(archive);
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m", "-XX:+UseParallelGC", "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString()))
                .redirectErrorStream(true).redirectOutput(data.resolveSibling("training.log").toFile());
        builder.environment().put("ARO_LISTEN", "http://127.0.0.1:" + port + "/");
        builder.environment().put("ARO_MANAGEMENT_LISTEN", "http://127.0.0.1:" + freePort() + "/");
        builder.environment().put("ARO_DATA_DIR", data.toString());
        builder.environment().put("ARO_AUDIT_LOG", data.resolve("audit.log").toString());
        Process rp = builder.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            awaitReady(http, base, rp);
            String sub = UUID.randomUUID().toString();
            send(http, base, "PUT", "/subscriptions/" + sub + "?api-version=2.0", "{\"state\":\"Registered\",\"properties\":{\"tenantId\":\"" + sub + "\"}}");
            String cluster = "/subscriptions/" + sub + "/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/training";
            for (int i = 0; i < 20; i++) {
                send(http, base, "GET", cluster + "?api-version=2023-11-22", null);
                send(http, base, "GET", "/subscriptions/" + sub + "/providers/Microsoft.RedHatOpenShift/openShiftClusters?api-version=2023-11-22", null);
                send(http, base, "PUT", cluster + "?api-version=2023-11-22", "{\"location\":\"eastus\",\"properties\":{}}");
            }
        } finally {
            rp.destroy();
        }
        if (!rp.waitFor(2, TimeUnit.MINUTES) || !Files.exists(archive)) {
            rp.destroyForcibly();
            throw new IllegalStateException("the training run wrote no archive; see " + data.resolveSibling("training.log"));
        }
        System.out.println("class data archive: " + archive + " (" + Files.size(archive) / (1024 * 1024) + " MiB)");
    }

    private static void awaitReady(HttpClient http, URI base, Process rp) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && rp.isAlive()) {
            try {
                if (send(http, base, "GET", "/healthz", null) == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100); // not listening yet
            }
        }
        throw new IllegalStateException("the RP did not start for the training run");
    }

    private static int send(HttpClient http, URI base, String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
