package io.aro.rp.frontend.v20231122;

import io.aro.rp.api.v20231122.OperationListConverter;
import io.aro.rp.generated.v20231122.api.OperationsApi;
import jakarta.ws.rs.core.Response;

/** GET /providers/Microsoft.RedHatOpenShift/operations in 2023-11-22 (also for api-versions the RP does not know). */
public final class OperationsResource implements OperationsApi {
    private final OperationListConverter converter = new OperationListConverter();

    @Override
    public Response operationsList(String apiVersion) {
        return Response.ok(converter.toExternal()).build();
    }
}
