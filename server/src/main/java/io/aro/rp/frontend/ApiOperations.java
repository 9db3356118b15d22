package io.aro.rp.frontend;

import static java.util.Map.entry;

import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.CloudErrorException;
import io.aro.rp.api.external.CredentialsConverter;
import io.aro.rp.api.external.OpenShiftVersionConverter;
import io.aro.rp.api.external.OperationListConverter;
import io.aro.rp.api.external.PlatformWorkloadIdentityRoleSetConverter;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The handler of every operation that the API versions' generated interfaces declare, whichever version
 * declares it, by the name openapi-generator gives the operation's method (from its operationId). A
 * version gets an operation by declaring it in its spec; a new operation needs its handler here once.
 */
final class ApiOperations {
    private final Map<String, Function<OperationCall, Response>> handlers;

    ApiOperations(OpenShiftClusterGet get, OpenShiftClusterList list, OpenShiftClusterPutOrPatch putOrPatch, OpenShiftClusterDelete delete,
            OpenShiftClusterCredentials credentials, InstallableVersions versions, WorkloadIdentityRoleSets roleSets, SubscriptionGate subscriptions) {
        handlers = Map.ofEntries(
                entry("openShiftClustersGet", call -> get.get(call.api(), call.cluster())),
                entry("openShiftClustersList", call -> list.list(call.api(), call.request(), call.path("subscriptionId"), null,
                        call.query("$skipToken"))),
                entry("openShiftClustersListByResourceGroup", call -> list.list(call.api(), call.request(), call.path("subscriptionId"),
                        call.path("resourceGroupName"), call.query("$skipToken"))),
                entry("openShiftClustersCreateOrUpdate", call -> putOrPatch.put(call.api(), call.request(), call.cluster(), call.body())),
                entry("openShiftClustersUpdate", call -> putOrPatch.patch(call.api(), call.request(), call.cluster(), call.body())),
                entry("openShiftClustersDelete", call -> delete.delete(call.request(), call.cluster())),
                entry("openShiftClustersListCredentials", call -> credentials.list(call.cluster(), CredentialsConverter::kubeadminCredentials)),
                entry("openShiftClustersListAdminCredentials", call -> credentials.list(call.cluster(), CredentialsConverter::adminKubeconfig)),
                entry("openShiftVersionsList", call -> Response.ok(OpenShiftVersionConverter.listToExternal(call.path("subscriptionId"),
                        call.path("location"), versions.list(call.path("subscriptionId")))).build()),
                entry("openShiftVersionsGet", call -> Response.ok(OpenShiftVersionConverter.toExternal(call.path("subscriptionId"), call.path("location"),
                        versions.get(call.path("subscriptionId"), call.path("openShiftVersion")).orElseThrow(() -> notFound("OpenShift version",
                                call.path("openShiftVersion"))))).build()),
                entry("platformWorkloadIdentityRoleSetsList", call -> {
                    subscriptions.require(call.path("subscriptionId"), SubscriptionGate.READ);
                    return Response.ok(PlatformWorkloadIdentityRoleSetConverter.listToExternal(call.path("subscriptionId"), call.path("location"),
                            roleSets.list())).build();
                }),
                entry("platformWorkloadIdentityRoleSetGet", call -> {
                    subscriptions.require(call.path("subscriptionId"), SubscriptionGate.READ);
                    return Response.ok(PlatformWorkloadIdentityRoleSetConverter.toExternal(call.path("subscriptionId"), call.path("location"),
                            roleSets.get(call.path("openShiftMinorVersion")).orElseThrow(() -> notFound("platform workload identity role set",
                                    call.path("openShiftMinorVersion"))))).build();
                }),
                entry("operationsList", call -> Response.ok(OperationListConverter.toExternal()).build()));
    }

    private static CloudErrorException notFound(String what, String name) {
        return new CloudError(404, new CloudErrorBody(CloudErrorCodes.NOT_FOUND, String.format("The %s '%s' was not found.", what, name), null, null))
                .toException();
    }

    /** The handler of the operation whose generated method is named {@code method}. */
    Optional<Function<OperationCall, Response>> handler(String method) {
        return Optional.ofNullable(handlers.get(method));
    }
}
