package io.aro.rp.frontend.v20200430;

import io.aro.rp.api.v20200430.OperationListConverter;
import io.aro.rp.generated.v20200430.api.OperationsApi;
import jakarta.ws.rs.core.Response;

/** GET /providers/Microsoft.RedHatOpenShift/operations in 2020-04-30. */
public final class OperationsResource implements OperationsApi {
    private final OperationListConverter converter = new OperationListConverter();

    @Override
    public Response operationsList(String apiVersion) {
        return Response.ok(converter.toExternal()).build();
    }
}
