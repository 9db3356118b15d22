package io.aro.rp.frontend.http;

import io.aro.rp.config.HttpLimits;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;

/**
 * The frontend's HTTP server: Grizzly with explicit {@link HttpLimits}, a request reaching a worker
 * thread only once it arrived whole ({@link WholeRequestFilter}), and a CloudError for whatever is
 * refused before Jersey ({@link CloudErrorCodec}, {@link EdgeHandler}, {@link CloudErrorPages}).
 */
public final class HttpEdge {
    private HttpEdge() {
    }

    /**
     * An HTTP server, not started, serving {@code jersey} at {@code listen}.
     *
     * @param tls the TLS settings, or null for plain HTTP
     */
    public static HttpServer create(URI listen, HttpLimits limits, HttpHandler jersey, SSLEngineConfigurator tls) {
        int port = listen.getPort() == -1 ? (tls != null ? 443 : 80) : listen.getPort();
        NetworkListener listener = new NetworkListener("frontend", listen.getHost(), port);
        listener.setSecure(tls != null);
        if (tls != null) {
            listener.setSSLEngineConfig(tls);
        }
        listener.setMaxHttpHeaderSize(limits.maxHeaderSize());
        listener.getKeepAlive().setIdleTimeoutInSeconds(Math.toIntExact(limits.idleTimeout().toSeconds()));
        listener.getTransport().getWorkerThreadPoolConfig().setPoolName("frontend").setCorePoolSize(limits.workerThreads())
                .setMaxPoolSize(limits.workerThreads());
        CloudErrorPages pages = new CloudErrorPages();
        listener.setDefaultErrorPageGenerator(pages);
        listener.registerAddOn(new AddOn() {
            @Override
            public void setup(NetworkListener networkListener, FilterChainBuilder builder) {
                builder.set(builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class), new CloudErrorCodec(networkListener, limits));
                builder.add(builder.indexOfType(HttpServerFilter.class), new WholeRequestFilter(limits));
            }
        });
        HttpServer server = new HttpServer();
        server.addListener(listener);
        ServerConfiguration config = server.getServerConfiguration();
        config.addHttpHandler(new EdgeHandler(jersey, limits), HttpHandlerRegistration.builder().contextPath("").build());
        config.setDefaultErrorPageGenerator(pages);
        config.setDefaultQueryEncoding(StandardCharsets.UTF_8);
        return server;
    }
}
