package io.aro.rp.frontend.v20231122;

import io.aro.rp.api.v20231122.OpenShiftVersionConverter;
import io.aro.rp.frontend.InstallableVersions;
import io.aro.rp.generated.v20231122.api.OpenShiftVersionsApi;
import jakarta.ws.rs.core.Response;

/** GET .../locations/{location}/openShiftVersions in 2023-11-22: the versions new clusters can be created with. */
public final class OpenShiftVersionsResource implements OpenShiftVersionsApi {
    private final OpenShiftVersionConverter converter = new OpenShiftVersionConverter();
    private final InstallableVersions versions;

    public OpenShiftVersionsResource(InstallableVersions versions) {
        this.versions = versions;
    }

    @Override
    public Response openShiftVersionsList(String apiVersion, String subscriptionId, String location) {
        return Response.ok(converter.toExternal(subscriptionId, location, versions.list(subscriptionId))).build();
    }
}
