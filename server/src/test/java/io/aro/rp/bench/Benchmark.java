package io.aro.rp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.database.cosmos.CosmosTestServer;
import io.aro.rp.frontend.FrontendHarness;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RP's performance next to its stack's ceiling, in one run (docs/performance.md): starts the RP from
 * its jar with a fresh data directory and the README's JVM options, and a bare Jersey/Grizzly endpoint
 * ({@link BareEndpoint}); warms both up; measures with {@code wrk} GET throughput and latency (alternating
 * rounds), PUT creates, the RSS under load and the time to ready; then N clusters to Succeeded (simulated
 * cloud, no step delay) with one process on the embedded store, and with one and two backend processes on
 * the Cosmos DB test server. Prints ratios and writes {@code target/bench/result.json}.
 *
 * <p>Settings (environment): BENCH_WARMUP (PT40S, the issue's), BENCH_ROUND (PT10S), BENCH_ROUNDS (2), BENCH_CONNECTIONS
 * (32), BENCH_JVM_OPTIONS (the README's), BENCH_CLUSTERS (1000), BENCH_COSMOS_CLUSTERS (200), BENCH_PROFILE (true: a further GET
 * and PUT round under JFR, after the measured ones, for the top frames in the result), BENCH_PARTS (requests,lifecycle,cosmos: which
 * parts run).
 */
public final class Benchmark {
    /** The README's run command's JVM options: the benchmark measures what a user runs. */
    static final String README_JVM_OPTIONS = "-Xmx160m -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError -XX:SharedArchiveFile=server/target/aro-rp-server.jsa";
    // the README runs from the repository's root, the benchmark from server/
    static final List<String> JVM_OPTIONS = List.of(env("BENCH_JVM_OPTIONS", README_JVM_OPTIONS).replace("server/target/", "target/").trim().split("\\s+"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V = "?api-version=2023-11-22";
    private static final Path JAR = Path.of("target", "aro-rp-server.jar").toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final Path work;
    private final Map<String, Object> result = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    /** The RP processes' data directories, removed once their processes stopped: the PUT round alone leaves gigabytes. */
    private final List<Path> dataDirectories = new ArrayList<>();
    private final Duration warmup = Duration.parse(env("BENCH_WARMUP", "PT40S"));
    private final Duration round = Duration.parse(env("BENCH_ROUND", "PT10S"));
    private final int rounds = Integer.parseInt(env("BENCH_ROUNDS", "2"));
    private final int connections = Integer.parseInt(env("BENCH_CONNECTIONS", "32"));
    private final int clusters = Integer.parseInt(env("BENCH_CLUSTERS", "1000"));
    private final int cosmosClusters = Integer.parseInt(env("BENCH_COSMOS_CLUSTERS", "200"));
    private final boolean profile = Boolean.parseBoolean(env("BENCH_PROFILE", "true"));
    private final List<String> parts = List.of(env("BENCH_PARTS", "requests,lifecycle,cosmos").split(","));

    private Benchmark(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of("target", "bench").toAbsolutePath();
        Files.createDirectories(work);
        Benchmark benchmark = new Benchmark(work);
        try {
            benchmark.run();
        } finally {
            benchmark.stopAll();
        }
        System.exit(0); // the Cosmos test server's threads would keep the JVM
    }

    private void run() throws Exception {
        Wrk.require();
        result.put("machine", Map.of("cpus", Runtime.getRuntime().availableProcessors(), "java", System.getProperty("java.version"),
                "jvmOptions", JVM_OPTIONS));
        result.put("settings", Map.of("warmup", warmup.toString(), "round", round.toString(), "rounds", rounds, "connections", connections,
                "parts", parts));
        if (parts.contains("requests")) {
            requests();
        }
        if (parts.contains("lifecycle")) {
            // N clusters to Succeeded, simulated cloud at zero delay: one process on the embedded store.
            result.put("lifecycleEmbedded1", lifecycle("embedded", Map.of(), 1, clusters));
            save();
        }
        if (parts.contains("cosmos")) {
            // The same through Cosmos DB (the test server): one, then two backend processes.
            CosmosTestServer cosmos = CosmosTestServer.get();
            for (int backends = 1; backends <= 2; backends++) {
                Map<String, String> database = Map.of("ARO_DATABASE", "cosmos", "ARO_COSMOS_ENDPOINT", cosmos.endpoint(), "ARO_COSMOS_KEY",
                        CosmosTestServer.KEY, "ARO_COSMOS_DATABASE", "bench-" + UUID.randomUUID(), "ARO_COSMOS_ENDPOINT_DISCOVERY", "false",
                        "ARO_ENCRYPTION_KEYS", io.aro.rp.database.SecretCipher.newKey());
                result.put("lifecycleCosmos" + backends, lifecycle("cosmos", database, backends, cosmosClusters));
                save();
            }
        }
        save();
        System.out.println(summary());
        System.out.println("result: " + work.resolve("result.json"));
    }

    /** Time to ready, GET and PUT with wrk beside the bare endpoint, the RSS under load, and the profiles. */
    private void requests() throws Exception {
        // The RP, as the README runs it, and the bare endpoint. This process's HTTP client loads its classes before the
        // clock starts, not on the cores the starting RP needs.
        int rpPort = freePort();
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rpPort + "/healthz")).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // nothing listens there yet: what was wanted is the client's first request
        }
        long started = System.nanoTime();
        Process rp = startRp("rp", rpPort, Map.of(), null);
        URI rpUri = URI.create("http://127.0.0.1:" + rpPort);
        awaitReady(rpUri, rp);
        result.put("readyMillis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        int barePort = freePort();
        Process bare = startJava("bare", List.of(), "io.aro.rp.bench.BareEndpoint", List.of(String.valueOf(barePort)), Map.of());
        URI bareUri = URI.create("http://127.0.0.1:" + barePort);

        String sub = UUID.randomUUID().toString();
        register(rpUri, sub);
        String cluster = FrontendHarness.cluster(sub, "rg", "bench");
        send(rpUri, "PUT", cluster + V, FrontendHarness.createRequest("2023-11-22", sub).toString());
        awaitSucceeded(rpUri, List.of(cluster), Duration.ofSeconds(60));
        String body = send(rpUri, "GET", cluster + V, null);
        awaitUp(bareUri, bare);
        send(bareUri, "PUT", cluster, body);

        // GET: warm both, then alternate rounds.
        Wrk.run(bareUri + cluster + V, connections, warmup, null);
        Wrk.run(rpUri + cluster + V, connections, warmup, null);
        List<Wrk.Result> bareGets = new ArrayList<>();
        List<Wrk.Result> rpGets = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            bareGets.add(Wrk.run(bareUri + cluster + V, connections, round, null));
            rpGets.add(Wrk.run(rpUri + cluster + V, connections, round, null));
        }
        Wrk.Result bareGet = Wrk.best(bareGets);
        Wrk.Result rpGet = Wrk.best(rpGets);
        result.put("bareGet", bareGet.toMap());
        result.put("rpGet", rpGet.toMap());
        result.put("getRatio", round(rpGet.requestsPerSecond() / bareGet.requestsPerSecond()));
        result.put("rssAfterGetMiB", rssMiB(rp));
        save();

        // PUT: creates, every one a new cluster with its own client ID and resource group.
        Path script = work.resolve("put.lua");
        Files.writeString(script, putScript(sub));
        // warmed up as long as GET: a shorter warm-up measured the JIT compiling the write path (a fifth of the CPU)
        Wrk.run(rpUri + "/", connections, warmup, script);
        Wrk.Result put = Wrk.run(rpUri + "/", connections, round, script);
        result.put("rpPut", put.toMap());
        result.put("rssAfterPutMiB", rssMiB(rp));
        save();
        if (profile) {
            // Rounds of their own, after every measured one: a recording costs throughput, and JFR keeps its memory.
            Profile.prime(rp);
            Duration settle = warmup.dividedBy(2);
            Wrk.run(rpUri + cluster + V, connections, settle, null);
            Profile getProfile = Profile.start(rp, work.resolve("get.jfr"));
            Wrk.run(rpUri + cluster + V, connections, round, null);
            result.put("getProfile", getProfile.stop());
            Wrk.run(rpUri + "/", connections, settle, script);
            Profile putProfile = Profile.start(rp, work.resolve("put.jfr"));
            Wrk.run(rpUri + "/", connections, round, script);
            result.put("putProfile", putProfile.stop());
            save();
        }
        stopAll();
    }

    /** Writes what was measured so far: a run that fails half way keeps its figures. */
    private void save() throws IOException {
        Files.writeString(work.resolve("result.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println("measured so far: " + JSON.writeValueAsString(result.entrySet().stream().filter(e -> !e.getKey().endsWith("Profile"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new))));
    }

    /** Creates {@code n} clusters through the API and times them to Succeeded. */
    private Map<String, Object> lifecycle(String name, Map<String, String> database, int backends, int n) throws Exception {
        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>(database);
        env.put("ARO_PAGE_SIZE", "1000");
        Path data = work.resolve("data-lifecycle-" + name + "-" + backends + "-" + UUID.randomUUID());
        Process rp = startRp("lifecycle-" + name + "-" + backends, port, env, null, data);
        URI uri = URI.create("http://127.0.0.1:" + port);
        try {
            awaitReady(uri, rp);
            for (int b = 1; b < backends; b++) {
                startRp("lifecycle-" + name + "-" + backends + "-backend-" + b, freePort(), env, "backend", data);
            }
            String sub = UUID.randomUUID().toString();
            register(uri, sub);
            List<String> paths = new ArrayList<>();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(connections);
            try {
                List<Future<String>> puts = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    String cluster = FrontendHarness.cluster(sub, "rg", "life-" + i);
                    paths.add(cluster);
                    puts.add(pool.submit(() -> send(uri, "PUT", cluster + V, FrontendHarness.createRequest("2023-11-22", sub).toString())));
                }
                for (Future<String> put : puts) {
                    put.get();
                }
            } finally {
                pool.shutdown();
            }
            long accepted = System.nanoTime() - start;
            awaitSucceeded(uri, paths, Duration.ofMinutes(15));
            long all = System.nanoTime() - start;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("clusters", n);
            figures.put("backendProcesses", backends);
            figures.put("createsAcceptedSeconds", round(accepted / 1e9));
            figures.put("allSucceededSeconds", round(all / 1e9));
            figures.put("clustersPerSecond", round(n / (all / 1e9)));
            return figures;
        } finally {
            stopAll();
        }
    }

    private String summary() {
        StringBuilder text = new StringBuilder("\nBENCHMARK (" + result.get("machine") + ")\n");
        if (result.containsKey("rpPut")) {
            requestsSummary(text);
        }
        for (String key : List.of("lifecycleEmbedded1", "lifecycleCosmos1", "lifecycleCosmos2")) {
            if (result.containsKey(key)) {
                text.append(key).append(' ').append(result.get(key)).append('\n');
            }
        }
        return text.toString();
    }

    private void requestsSummary(StringBuilder text) {
        Map<?, ?> bare = (Map<?, ?>) result.get("bareGet");
        Map<?, ?> rp = (Map<?, ?>) result.get("rpGet");
        text.append(String.format("GET   bare %8.0f req/s p50 %5.2f ms p99 %5.2f ms | RP %8.0f req/s p50 %5.2f ms p99 %5.2f ms | ratio %.2f%n",
                bare.get("requestsPerSecond"), bare.get("p50Millis"), bare.get("p99Millis"), rp.get("requestsPerSecond"), rp.get("p50Millis"),
                rp.get("p99Millis"), result.get("getRatio")));
        Map<?, ?> put = (Map<?, ?>) result.get("rpPut");
        text.append(String.format("PUT   RP %8.0f creates/s p50 %5.2f ms p99 %5.2f ms, %s non-2xx%n", put.get("requestsPerSecond"), put.get("p50Millis"),
                put.get("p99Millis"), put.get("non2xx")));
        text.append("ready ").append(result.get("readyMillis")).append(" ms; RSS ").append(result.get("rssAfterGetMiB")).append(" MiB after GET load, ")
                .append(result.get("rssAfterPutMiB")).append(" MiB after PUT load\n");
    }

    /** A wrk script that PUTs a new cluster per request, with its own name, client ID and cluster resource group. */
    private static String putScript(String sub) {
        ObjectNode body = FrontendHarness.createRequest("2023-11-22", sub);
        ((ObjectNode) body.at("/properties/servicePrincipalProfile")).put("clientId", "CLIENTID");
        ((ObjectNode) body.at("/properties/clusterProfile")).put("resourceGroupId", "/subscriptions/" + sub + "/resourceGroups/RESOURCEGROUP");
        ((ObjectNode) body.at("/properties/clusterProfile")).put("domain", "DOMAIN");
        String template = body.toString().replace("\\", "\\\\").replace("\"", "\\\"");
        return """
                local threads = 0
                function setup(thread)
                  thread:set("tid", threads)
                  threads = threads + 1
                end
                local counter = 0
                local prefix = ""
                local template = "%s"
                function init(args)
                  prefix = args[1]
                end
                function request()
                  counter = counter + 1
                  local n = string.format("%%s%%04d%%08d", prefix, tid, counter)
                  local clientId = string.format("%%s-0000-4000-8000-%%012d", prefix, tid * 100000000 + counter)
                  local b = template:gsub("CLIENTID", clientId):gsub("RESOURCEGROUP", "aro-b" .. n):gsub("DOMAIN", "b" .. n)
                  return wrk.format("PUT", "/subscriptions/%s/resourceGroups/rg/providers/Microsoft.RedHatOpenShift/openShiftClusters/b" .. n
                    .. "?api-version=2023-11-22", {["Content-Type"] = "application/json"}, b)
                end
                """.formatted(template, sub);
    }

    private Process startRp(String name, int port, Map<String, String> extra, String role) throws IOException {
        return startRp(name, port, extra, role, work.resolve("data-" + name + "-" + UUID.randomUUID()));
    }

    /** An RP process with {@code data} as its data directory: processes of one run share it, and with it the simulated cloud. */
    private Process startRp(String name, int port, Map<String, String> extra, String role, Path data) throws IOException {
        if (!dataDirectories.contains(data)) {
            dataDirectories.add(data);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ARO_LISTEN", "http://127.0.0.1:" + port + "/");
        env.put("ARO_MANAGEMENT_LISTEN", "http://127.0.0.1:" + freePort() + "/");
        env.put("ARO_DATA_DIR", data.toString());
        env.put("ARO_AUDIT_LOG", data.resolve("audit.log").toString());
        env.put("ARO_SIMULATED_STEP_DELAY", "PT0S");
        env.putAll(extra);
        List<String> options = new ArrayList<>(JVM_OPTIONS);
        options.addAll(List.of("-Djavax.net.ssl.trustStore=" + System.getProperty("javax.net.ssl.trustStore", ""),
                "-Djavax.net.ssl.trustStorePassword=" + System.getProperty("javax.net.ssl.trustStorePassword", ""),
                "-Djavax.net.ssl.trustStoreType=" + System.getProperty("javax.net.ssl.trustStoreType", "PKCS12")));
        if (System.getProperty("javax.net.ssl.trustStore") == null) {
            options.removeIf(o -> o.startsWith("-Djavax.net.ssl"));
        }
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(options);
        command.addAll(List.of("-jar", JAR.toString()));
        if (role != null) {
            command.add(role);
        }
        return start(name, command, env);
    }

    private Process startJava(String name, List<String> options, String main, List<String> args, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(java()));
        // the RP jar's class data archive does not fit another class path
        JVM_OPTIONS.stream().filter(o -> !o.startsWith("-XX:SharedArchiveFile=")).forEach(command::add);
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main));
        command.addAll(args);
        return start(name, command, env);
    }

    private Process start(String name, List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        processes.remove(process);
    }

    private void stopAll() throws InterruptedException, IOException {
        for (Process process : List.copyOf(processes)) {
            stop(process);
        }
        for (Path data : dataDirectories) {
            if (Files.exists(data)) {
                try (var paths = Files.walk(data)) {
                    for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
        dataDirectories.clear();
    }

    /**
     * Polls the RP's /healthz every 5 ms until it answers 200. The poll must not slow the start it times: it sends a request
     * only once a connection is accepted, since a failed request costs the HTTP client far more than a refused connect,
     * on the cores the starting RP needs.
     */
    private static void awaitReady(URI uri, Process process) throws InterruptedException {
        InetSocketAddress address = new InetSocketAddress(uri.getHost(), uri.getPort());
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the RP exited with " + process.exitValue() + "; see target/bench/*.log");
            }
            try (Socket socket = new Socket()) {
                socket.connect(address, 1000);
            } catch (IOException e) {
                Thread.sleep(5);
                continue;
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(uri.resolve("/healthz")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(5);
        }
    }

    private static void awaitUp(URI bare, Process process) throws InterruptedException {
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the bare endpoint exited; see target/bench/bare.log");
            }
            try {
                HTTP.send(HttpRequest.newBuilder(bare.resolve("/")).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
    }

    private static void register(URI uri, String sub) throws Exception {
        send(uri, "PUT", "/subscriptions/" + sub + "?api-version=2.0",
                "{\"state\":\"Registered\",\"properties\":{\"tenantId\":\"" + UUID.randomUUID() + "\"}}");
    }

    /** Polls the subscription's clusters (one page) until every one of {@code paths} has Succeeded. */
    private static void awaitSucceeded(URI uri, List<String> paths, Duration timeout) throws Exception {
        String list = paths.get(0).replaceFirst("/resourceGroups/.*", "") + "/providers/Microsoft.RedHatOpenShift/openShiftClusters" + V;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long succeeded = 0;
            String next = list;
            while (next != null) {
                JsonNode page = JSON.readTree(send(uri, "GET", next, null));
                for (JsonNode cluster : page.path("value")) {
                    String state = cluster.at("/properties/provisioningState").asText();
                    if (state.equals("Failed")) {
                        throw new IllegalStateException("a cluster failed: " + cluster);
                    }
                    succeeded += state.equals("Succeeded") ? 1 : 0;
                }
                next = page.hasNonNull("nextLink") ? URI.create(page.get("nextLink").asText()).getRawPath() + "?"
                        + URI.create(page.get("nextLink").asText()).getRawQuery() : null;
            }
            if (succeeded >= paths.size()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the clusters did not all succeed within " + timeout);
    }

    static String send(URI uri, String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static long rssMiB(Process process) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String env(String name, String fallback) {
        return Objects.requireNonNullElse(System.getenv(name), fallback);
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** wrk, from Debian's package: the load generator. */
    static final class Wrk {
        private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
        private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
        private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
        private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
        private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

        record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long non2xx) {
            Map<String, Object> toMap() {
                return Map.of("requestsPerSecond", round(requestsPerSecond), "p50Millis", p50Millis, "p99Millis", p99Millis, "requests", requests,
                        "non2xx", non2xx);
            }
        }

        static void require() throws InterruptedException {
            try {
                new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor();
            } catch (IOException e) {
                throw new IllegalStateException("the benchmark needs wrk: apt-get install wrk");
            }
        }

        static Result run(String url, int connections, Duration duration, Path script) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency"));
            if (script != null) {
                command.addAll(List.of("-s", script.toString()));
            }
            command.add(url);
            if (script != null) {
                // a prefix of this run for the names the script makes, so that runs never collide
                command.addAll(List.of("--", String.format("%08x", new java.util.Random().nextInt())));
            }
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            Matcher rate = RATE.matcher(out);
            if (!rate.find()) {
                throw new IllegalStateException("wrk said: " + out);
            }
            double p50 = 0;
            double p99 = 0;
            Matcher percentile = PERCENTILE.matcher(out);
            while (percentile.find()) {
                double value = Double.parseDouble(percentile.group(2)) * switch (percentile.group(3)) {
                    case "us" -> 0.001;
                    case "s" -> 1000;
                    default -> 1;
                };
                if (percentile.group(1).equals("50")) {
                    p50 = round(value);
                } else {
                    p99 = round(value);
                }
            }
            Matcher non2xx = NON_2XX.matcher(out);
            Matcher requests = REQUESTS.matcher(out);
            Result result = new Result(Double.parseDouble(rate.group(1)), p50, p99, requests.find() ? Long.parseLong(requests.group(1)) : 0,
                    non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
            long socketErrors = 0;
            Matcher errors = SOCKET_ERRORS.matcher(out);
            if (errors.find()) {
                for (int group = 1; group <= 4; group++) {
                    socketErrors += Long.parseLong(errors.group(group));
                }
            }
            // A round with failed requests measures a failure, not the RP: stop rather than report it as a figure.
            if (result.requests() == 0 || result.non2xx() > 0 || socketErrors > 0) {
                throw new IllegalStateException("a round against " + url + " failed (" + result.requests() + " requests, " + result.non2xx()
                        + " not 2xx, " + socketErrors + " socket errors; the processes' logs are in target/bench): " + out);
            }
            return result;
        }

        static Result best(List<Result> results) {
            return results.stream().max(java.util.Comparator.comparingDouble(Result::requestsPerSecond)).orElseThrow();
        }
    }

    /** A JFR recording of a process during one load, summarised as its top frames. */
    static final class Profile {
        private final Process process;
        private final Path file;
        private final String name;

        private Profile(Process process, Path file, String name) {
            this.process = process;
            this.file = file;
            this.name = name;
        }

        static Profile start(Process process, Path file) throws IOException, InterruptedException {
            String name = file.getFileName().toString();
            jcmd(process, "JFR.start", "name=" + name, "settings=profile");
            return new Profile(process, file, name);
        }

        /**
         * Starts and stops a recording, to be followed by load before the first profile: JFR's first start in a process
         * throws away compiled code, and a recording started then caught the JIT compiling again (PUT ran at a fifth
         * of its rate); later starts do not.
         */
        static void prime(Process process) throws IOException, InterruptedException {
            jcmd(process, "JFR.start", "name=prime", "settings=profile");
            jcmd(process, "JFR.stop", "name=prime");
        }

        Map<String, Object> stop() throws IOException, InterruptedException {
            jcmd(process, "JFR.stop", "name=" + name, "filename=" + file);
            return TopFrames.of(file, 15);
        }

        private static void jcmd(Process process, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid())));
            command.addAll(List.of(args));
            Process jcmd = new ProcessBuilder(command).redirectErrorStream(true).start();
            jcmd.getInputStream().readAllBytes();
            jcmd.waitFor();
        }
    }
}
