package io.aro.rp.frontend.tls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ARM as the caller, as ARO's clientauthorizer/arm.go recognises it: ARM publishes its current client
 * certificates (thumbprint, validity, DER) at its metadata endpoint; a caller is ARM when the
 * certificate it presented is one of them, byte for byte, inside its validity window. The list is
 * fetched at start and refreshed periodically; a failed refresh keeps the last good list (and is tried
 * again sooner), and a list with no certificate valid now is refused as a bad answer.
 */
public final class ArmClientCertificates implements ClientAuthorizer, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArmClientCertificates.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long the last good list may be used without a successful refresh before readiness fails (ARO: 24 hours). */
    private static final Duration STALE_AFTER = Duration.ofHours(24);

    /** One of ARM's client certificates. */
    record Published(String thumbprint, Instant notBefore, Instant notAfter, byte[] der) {
        boolean validAt(Instant now) {
            return notBefore.isBefore(now) && notAfter.isAfter(now);
        }
    }

    private final URI metadata;
    private final HttpClient http;
    private final Clock clock;
    private final Duration refreshInterval;
    private final Duration retryInterval;
    private final ScheduledExecutorService refreshes;
    private volatile List<Published> certificates = List.of();
    private volatile Instant lastSuccessfulRefresh;

    /**
     * @param metadata ARM's metadata endpoint, {@code https://management.azure.com:24582/metadata/authentication?api-version=2015-01-01}
     *     in the public cloud
     * @param refreshInterval how often the list is fetched again (ARO: hourly)
     * @param retryInterval how soon a failed fetch is tried again
     */
    public ArmClientCertificates(URI metadata, HttpClient http, Clock clock, Duration refreshInterval, Duration retryInterval) {
        this.metadata = metadata;
        this.http = http;
        this.clock = clock;
        this.refreshInterval = refreshInterval;
        this.retryInterval = retryInterval;
        this.refreshes = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "arm-metadata-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Fetches the list now and keeps it fresh. */
    public ArmClientCertificates start() {
        refreshes.execute(this::refreshAndSchedule);
        return this;
    }

    private void refreshAndSchedule() {
        boolean ok = refresh();
        refreshes.schedule(this::refreshAndSchedule, (ok ? refreshInterval : retryInterval).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Fetches ARM's certificates once; returns whether the list was replaced. */
    public boolean refresh() {
        Instant now = clock.instant();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(metadata).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("unexpected status " + response.statusCode());
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (!contentType.split(";", 2)[0].strip().equalsIgnoreCase("application/json")) {
                throw new IOException("unexpected content type '" + contentType + "'");
            }
            List<Published> published = parse(JSON.readTree(response.body()));
            if (published.stream().noneMatch(c -> c.validAt(now))) {
                throw new IOException("no certificate in it is valid now");
            }
            certificates = List.copyOf(published);
            lastSuccessfulRefresh = now;
            LOG.atInfo().addKeyValue("certificates", published.size())
                    .addKeyValue("thumbprints", published.stream().map(Published::thumbprint).toList()).log("refreshed ARM's client certificates");
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.atWarn().addKeyValue("metadata", metadata).log("cannot refresh ARM's client certificates; keeping the last good list: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<Published> parse(JsonNode metadata) {
        List<Published> published = new ArrayList<>();
        for (JsonNode certificate : metadata.path("clientCertificates")) {
            published.add(new Published(certificate.path("thumbprint").asText(), instant(certificate.path("notBefore").asText()),
                    instant(certificate.path("notAfter").asText()), Base64.getDecoder().decode(certificate.path("certificate").asText())));
        }
        return published;
    }

    /** An RFC 3339 time, in UTC ({@code Z}) or with an offset. */
    private static Instant instant(String text) {
        return java.time.OffsetDateTime.parse(text).toInstant();
    }

    @Override
    public boolean isAuthorized(List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            return false;
        }
        byte[] presented;
        try {
            presented = chain.get(0).getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            return false;
        }
        Instant now = clock.instant();
        return certificates.stream().anyMatch(c -> c.validAt(now) && Arrays.equals(c.der(), presented));
    }

    @Override
    public boolean isReady() {
        Instant now = clock.instant();
        Instant last = lastSuccessfulRefresh;
        return last != null && last.plus(STALE_AFTER).isAfter(now) && certificates.stream().anyMatch(c -> c.validAt(now));
    }

    @Override
    public void close() {
        refreshes.shutdownNow();
    }
}
