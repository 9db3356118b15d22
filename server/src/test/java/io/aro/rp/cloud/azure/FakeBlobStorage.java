package io.aro.rp.cloud.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * WireMock serving a storage account's Blob endpoint on 127.0.0.1, path-style as the storage emulator
 * serves it ({@code http://127.0.0.1:<port>/<account>/<container>/<blob>}), as far as the RP uses it: block blobs
 * put (in one request), read and deleted, in any container, answered with the headers the Storage SDK
 * reads. Each request must carry a bearer token; who wrote a blob is kept from its {@code oid} claim.
 */
public final class FakeBlobStorage implements AutoCloseable {
    private static final String ACCOUNT = "aroOidcAccount";

    /** A stored blob: its content, content type and who wrote it. */
    public record Blob(String content, String contentType, String writer) {
    }

    private final WireMockServer server;
    private final Map<String, Blob> blobs = new TreeMap<>();
    private final List<String> journal = new ArrayList<>();

    public FakeBlobStorage() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new Transformer()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    /** The Blob endpoint, as {@code https://<account>.blob.core.windows.net/} would be. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/" + ACCOUNT);
    }

    /** The blob at {@code container/name}, or null. */
    public synchronized Blob get(String path) {
        return blobs.get(path);
    }

    /** The paths ({@code container/name}) of the stored blobs, sorted. */
    public synchronized List<String> paths() {
        return new ArrayList<>(blobs.keySet());
    }

    /** Every request as {@code "<METHOD> <container/name>"}. */
    public synchronized List<String> journal() {
        return new ArrayList<>(journal);
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "fake-blob-storage";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            synchronized (FakeBlobStorage.this) {
                return handle(event.getRequest()).build();
            }
        }
    }

    private ResponseDefinitionBuilder handle(Request request) {
        String method = request.getMethod().getName();
        String account = "/" + ACCOUNT + "/";
        String raw = URI.create(request.getUrl()).getRawPath();
        if (!raw.startsWith(account)) {
            return error(400, "InvalidUri", "The requested URI does not represent any resource on the server.");
        }
        String path = URLDecoder.decode(raw.substring(account.length()), StandardCharsets.UTF_8);
        journal.add(method + " " + path);
        String principal = FakeArm.principalOf(request);
        if (principal == null) {
            return error(401, "NoAuthenticationInformation", "Server failed to authenticate the request.");
        }
        switch (method) {
            case "PUT" -> {
                if (!"BlockBlob".equals(request.getHeader("x-ms-blob-type"))) {
                    return error(400, "MissingRequiredHeader", "An HTTP header that's mandatory for this request is not specified.");
                }
                String contentType = request.containsHeader("x-ms-blob-content-type") ? request.getHeader("x-ms-blob-content-type")
                        : "application/octet-stream";
                blobs.put(path, new Blob(request.getBodyAsString(), contentType, principal));
                return written(201);
            }
            case "GET" -> {
                Blob blob = blobs.get(path);
                return blob == null ? error(404, "BlobNotFound", "The specified blob does not exist.")
                        : written(200).withHeader("Content-Type", blob.contentType()).withHeader("x-ms-blob-type", "BlockBlob").withBody(blob.content());
            }
            case "DELETE" -> {
                return blobs.remove(path) == null ? error(404, "BlobNotFound", "The specified blob does not exist.") : written(202);
            }
            default -> {
                return error(405, "UnsupportedHttpVerb", method);
            }
        }
    }

    private static ResponseDefinitionBuilder written(int status) {
        return aResponse().withStatus(status)
                .withHeader("ETag", "\"0x" + UUID.randomUUID().toString().replace("-", "").substring(0, 15).toUpperCase() + "\"")
                .withHeader("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .withHeader("x-ms-request-id", UUID.randomUUID().toString())
                .withHeader("x-ms-version", "2025-01-05")
                .withHeader("x-ms-request-server-encrypted", "true");
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("x-ms-error-code", code).withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"utf-8\"?><Error><Code>" + code + "</Code><Message>" + message + "</Message></Error>");
    }
}
