package io.aro.rp.sdk;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** Builds an {@link AroClient}. Only the endpoint and the subscription are required. */
public final class AroClientBuilder {
    private URI endpoint;
    private String subscriptionId;
    private AccessTokenSupplier credential;
    private int maxRetries = 4;
    private Duration retryDelay = Duration.ofMillis(800);
    private Duration pollInterval = Duration.ofSeconds(10);
    private Duration operationTimeout = Duration.ofHours(1);
    private Duration requestTimeout = Duration.ofSeconds(60);

    /** Where the API is: {@code https://management.azure.com/} through ARM, or an RP directly, such as {@code http://127.0.0.1:8080/}. */
    public AroClientBuilder endpoint(URI endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    /** The subscription the client acts in: a GUID, as ARM names subscriptions ({@link #build} refuses anything else). */
    public AroClientBuilder subscriptionId(String subscriptionId) {
        this.subscriptionId = subscriptionId;
        return this;
    }

    /** The bearer token of every request; none by default (an RP reached directly needs none). */
    public AroClientBuilder credential(AccessTokenSupplier credential) {
        this.credential = credential;
        return this;
    }

    /** How often a request answered 429 or 5xx (or not answered) is tried again; 4 by default. */
    public AroClientBuilder maxRetries(int maxRetries) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        this.maxRetries = maxRetries;
        return this;
    }

    /** The first wait before a retry when the service gives no Retry-After (it doubles each time); 800 ms by default. */
    public AroClientBuilder retryDelay(Duration retryDelay) {
        this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
        return this;
    }

    /** How often a long-running operation is polled when the service gives no Retry-After; 10 s by default. */
    public AroClientBuilder pollInterval(Duration pollInterval) {
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        return this;
    }

    /** How long {@link LongRunningOperation#waitForCompletion()} waits; an hour by default. */
    public AroClientBuilder operationTimeout(Duration operationTimeout) {
        this.operationTimeout = Objects.requireNonNull(operationTimeout, "operationTimeout");
        return this;
    }

    /** How long one request may take to connect and to answer; 60 s by default. */
    public AroClientBuilder requestTimeout(Duration requestTimeout) {
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        return this;
    }

    public AroClient buildClient() {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        return new AroClient(new ArmTransport(endpoint, credential, maxRetries, retryDelay, requestTimeout), subscriptionId, pollInterval,
                operationTimeout);
    }
}
