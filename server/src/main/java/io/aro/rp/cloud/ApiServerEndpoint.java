package io.aro.rp.cloud;

import java.util.Objects;

/**
 * Where the cluster's API server listens.
 *
 * @param ip the IP address of the API server's load balancer
 * @param url the API server's URL, for example {@code https://api.example.contoso.com:6443/}
 */
public record ApiServerEndpoint(String ip, String url) {
    public ApiServerEndpoint {
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(url, "url");
    }
}
