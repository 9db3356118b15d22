package io.aro.rp.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.aro.rp.sdk.v20250725.invoker.ApiClient;
import io.aro.rp.sdk.v20250725.invoker.ApiException;
import io.aro.rp.sdk.v20250725.models.CloudErrorBody;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * How every request travels: over HTTP/1.1 (the JDK client's HTTP/2 upgrade on a PUT with a body stalls
 * some servers), with a bearer token when a credential is set and a client request id, retried on 429
 * and 5xx (honouring Retry-After) and on connection failures, and turned into a typed exception when the
 * service refuses it.
 */
final class ArmTransport {
    private final ApiClient apiClient;
    private final RetryPolicy<Object> retry;

    ArmTransport(URI endpoint, AccessTokenSupplier credential, int maxRetries, Duration retryDelay, Duration timeout) {
        this.apiClient = new ApiClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout),
                ApiClient.createDefaultObjectMapper(), endpoint.toString().replaceAll("/+$", ""));
        apiClient.setReadTimeout(timeout);
        apiClient.setRequestInterceptor(request -> authorize(request, credential));
        this.retry = RetryPolicy.builder()
                .handleIf(e -> e instanceof ApiException api && (api.getCode() == 0 || api.getCode() == 429 || api.getCode() >= 500))
                .withMaxRetries(maxRetries)
                .withDelayFn(context -> context.getLastException() instanceof ApiException api ? retryAfter(api.getResponseHeaders())
                        .orElseGet(() -> backoff(retryDelay, context.getAttemptCount())) : retryDelay)
                .build();
    }

    private static void authorize(HttpRequest.Builder request, AccessTokenSupplier credential) {
        request.setHeader("x-ms-client-request-id", UUID.randomUUID().toString());
        if (credential != null) {
            request.setHeader("Authorization", "Bearer " + credential.getToken());
        }
    }

    ApiClient apiClient() {
        return apiClient;
    }

    ObjectMapper mapper() {
        return apiClient.getObjectMapper();
    }

    /** A call of the generated API, retried and with the service's refusal as an {@link AroException}. */
    <T> T call(ApiCall<T> call) {
        try {
            return Failsafe.with(retry).get(call::call);
        } catch (FailsafeException e) {
            throw translate(e.getCause());
        }
    }

    /** A GET of a URL the service gave (an operation's status, the next page), as the generated calls are made. */
    Response get(URI uri) {
        return call(() -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().header("Accept", "application/json").timeout(apiClient.getReadTimeout());
            apiClient.getRequestInterceptor().accept(request);
            HttpResponse<String> response;
            try {
                response = apiClient.getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new ApiException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(e);
            }
            if (response.statusCode() >= 400) {
                throw new ApiException(response.statusCode(), response.headers(), response.body());
            }
            return new Response(response.statusCode(), response.headers(), response.body());
        });
    }

    <T> T read(String body, Class<T> type) {
        try {
            return mapper().readValue(body, type);
        } catch (IOException e) {
            throw new ServiceUnreachableException("the service answered with what is not its API: " + e.getMessage(), e);
        }
    }

    /** Without Retry-After: the first delay, doubled after each attempt, at most 32 times the first. */
    private static Duration backoff(Duration first, int attempts) {
        return first.multipliedBy(1L << Math.min(5, Math.max(0, attempts - 1)));
    }

    /** What a service's Retry-After asks: seconds, or an HTTP date; none for a wait of zero, which would make a busy loop of polling. */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        return parseRetryAfter(headers).filter(wait -> !wait.isZero());
    }

    private static Optional<Duration> parseRetryAfter(HttpHeaders headers) {
        Optional<String> value = headers == null ? Optional.empty() : headers.firstValue("Retry-After");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get().trim()))));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(value.get().trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    private RuntimeException translate(Throwable failure) {
        if (failure instanceof ApiException api) {
            if (api.getCode() == 0) {
                return new ServiceUnreachableException("cannot reach " + apiClient.getBaseUri() + ": " + api.getMessage(), api);
            }
            CloudErrorBody error = cloudError(api);
            return api.getCode() == 404 ? new ResourceNotFoundException(error) : new AroException(api.getCode(), error);
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    /** The CloudError of a refused request; a body that is none (a proxy's page) becomes one naming the status. */
    private CloudErrorBody cloudError(ApiException api) {
        try {
            JsonNode error = mapper().readTree(api.getResponseBody() == null ? "" : api.getResponseBody()).path("error");
            if (error.isObject()) {
                return mapper().treeToValue(error, CloudErrorBody.class);
            }
        } catch (IOException e) {
            // not JSON: described below
        }
        return new CloudErrorBody().code("HttpStatus" + api.getCode()).message("The service answered " + api.getCode() + " without a CloudError.");
    }

    /** A call of the generated API. */
    @FunctionalInterface
    interface ApiCall<T> {
        T call() throws ApiException;
    }

    /** A response to {@link #get(URI)}. */
    record Response(int status, HttpHeaders headers, String body) {
    }
}
