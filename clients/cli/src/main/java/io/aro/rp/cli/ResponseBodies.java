package io.aro.rp.cli;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * The JSON bodies of the service's successful answers, by URL, which the CLI prints as az does: the
 * SDK's models serialize what a request may carry, so a model written back out would lose the
 * read-only properties (id, name, provisioning state, URLs) that az shows.
 */
final class ResponseBodies implements HttpPipelinePolicy {
    private final Map<String, JsonNode> byUrl = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> byPath = new ConcurrentHashMap<>();

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return next.process().flatMap(response -> {
            if (!isJson(response)) {
                return Mono.just(response);
            }
            HttpResponse buffered = response.buffer();
            return buffered.getBodyAsString().defaultIfEmpty("").map(body -> {
                keep(context.getHttpRequest().getUrl(), body);
                return buffered;
            });
        });
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        HttpResponse response = next.processSync();
        if (!isJson(response)) {
            return response;
        }
        HttpResponse buffered = response.buffer();
        keep(context.getHttpRequest().getUrl(), buffered.getBodyAsBinaryData().toString());
        return buffered;
    }

    /** The body last answered at this URL (path and query). */
    JsonNode at(URL url) {
        JsonNode body = byUrl.get(url.toString());
        if (body == null) {
            throw new IllegalStateException("no answer was recorded for " + url);
        }
        return body;
    }

    /** The body last answered at this path, whatever the query (such as the api-version) was. */
    JsonNode atPath(String path) {
        JsonNode body = byPath.get(path.toLowerCase(Locale.ROOT));
        if (body == null) {
            throw new IllegalStateException("no answer was recorded for " + path);
        }
        return body;
    }

    private static boolean isJson(HttpResponse response) {
        String type = response.getHeaderValue("Content-Type");
        return response.getStatusCode() / 100 == 2 && type != null && type.contains("json");
    }

    private void keep(URL url, String body) {
        if (!body.isEmpty()) {
            JsonNode json = Output.parse(body);
            byUrl.put(url.toString(), json);
            byPath.put(url.getPath().replaceFirst("^/+", "/").toLowerCase(Locale.ROOT), json);
        }
    }
}
