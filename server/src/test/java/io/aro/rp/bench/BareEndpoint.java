package io.aro.rp.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The ceiling of the RP's stack, for the benchmark to compare against: Jersey on Grizzly with its defaults,
 * serving a cluster's JSON from a map at the cluster's path. {@code java io.aro.rp.bench.BareEndpoint <port>}.
 */
public final class BareEndpoint {
    private BareEndpoint() {
    }

    /** Clusters by path: PUT stores the body as it is, GET returns it. */
    @Path("/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.RedHatOpenShift/openShiftClusters/{name}")
    public static final class Clusters {
        private static final Map<String, String> STORED = new ConcurrentHashMap<>();

        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String get(@PathParam("sub") String sub, @PathParam("rg") String rg, @PathParam("name") String name) {
            String json = STORED.get(sub + "/" + rg + "/" + name);
            if (json == null) {
                throw new NotFoundException();
            }
            return json;
        }

        @PUT
        @Produces(MediaType.APPLICATION_JSON)
        public String put(@PathParam("sub") String sub, @PathParam("rg") String rg, @PathParam("name") String name, String body) {
            STORED.put(sub + "/" + rg + "/" + name, body);
            return body;
        }
    }

    public static void main(String[] args) throws Exception {
        GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:" + args[0] + "/"), new ResourceConfig(Clusters.class));
        System.out.println("bare endpoint listening");
        Thread.currentThread().join();
    }
}
