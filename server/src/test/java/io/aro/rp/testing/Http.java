package io.aro.rp.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A plain HTTP/1.1 client for tests of the frontend, as ARM would call it. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public Http(URI base) {
        this.base = base;
    }

    /** A response: status, headers and body (parsed when it is JSON). */
    public record Reply(int status, HttpResponse<String> response, JsonNode json) {
        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return response.body();
        }

        /** The CloudError's code, or null. */
        public String code() {
            return json.path("error").path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + response.body();
        }
    }

    public Reply get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Reply delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    public Reply put(String path, Object body, String... headers) {
        return send("PUT", path, body, "application/json", headers);
    }

    public Reply patch(String path, Object body, String... headers) {
        return send("PATCH", path, body, "application/json", headers);
    }

    public Reply post(String path, Object body, String... headers) {
        return send("POST", path, body, body == null ? null : "application/json", headers);
    }

    /** Sends {@code body} (a string as it is, anything else as JSON) with the given content type and headers (name, value, ...). */
    public Reply send(String method, String path, Object body, String contentType, String... headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            List<String> h = new ArrayList<>(List.of(headers));
            for (int i = 0; i + 1 < h.size(); i += 2) {
                request.header(h.get(i), h.get(i + 1));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
            } catch (IOException e) {
                json = MissingNode.getInstance();
            }
            return new Reply(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
