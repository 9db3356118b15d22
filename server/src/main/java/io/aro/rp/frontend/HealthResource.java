package io.aro.rp.frontend;

import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Liveness ({@code /healthz}) and readiness ({@code /healthz/ready}, failing while the process stops so load balancers drain it). */
@Path("/healthz")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {
    private final BooleanSupplier ready;

    HealthResource(BooleanSupplier ready) {
        this.ready = ready;
    }

    @GET
    public Response live() {
        return Response.ok(Map.of()).build();
    }

    @GET
    @Path("/ready")
    public Response ready() {
        if (ready.getAsBoolean()) {
            return Response.ok(Map.of()).build();
        }
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .entity(new CloudError(503, new CloudErrorBody("ServiceUnavailable", "The resource provider is stopping.", null, null))).build();
    }
}
