package io.aro.rp.frontend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.aro.rp.api.ApiVersions;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.api.ResourceNames;
import io.aro.rp.database.ClusterOperation;
import io.aro.rp.database.DocumentJson;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.OpenShiftClusters;
import io.aro.rp.database.PreconditionRetry;
import io.aro.rp.database.ResultPage;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin API's cluster routes: every cluster across subscriptions a page at a time, a cluster's
 * document with every secret redacted, and the admin update (AdminUpdating: the backend runs the ensure
 * steps again, then the cluster returns to the state it was in).
 */
final class AdminClusters {
    static final String LIST_PATH = "/admin/providers/" + ResourceNames.RESOURCE_TYPE;
    private static final ObjectMapper REDACTED = DocumentJson.redacted();

    private final OpenShiftClusters clusters;
    private final ClusterOperation operation;
    private final AsyncOperationUrls operations;
    private final SkipTokens skipTokens;
    private final int pageSize;
    private final RetryPolicy<Object> retry;

    AdminClusters(OpenShiftClusters clusters, ClusterOperation operation, AsyncOperationUrls operations, SkipTokens skipTokens, int pageSize,
            PreconditionRetry retry) {
        this.clusters = clusters;
        this.operation = operation;
        this.operations = operations;
        this.skipTokens = skipTokens;
        this.pageSize = pageSize;
        this.retry = retry.policy();
    }

    Response list(ArmRequest request, String skipToken) {
        String continuation = skipToken == null ? null : skipTokens.open(skipToken, LIST_PATH);
        ResultPage<OpenShiftClusterDocument> page = clusters.listAll(continuation, pageSize);
        List<ObjectNode> value = page.items().stream().map(AdminClusters::redacted).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", value);
        if (page.continuation() != null) {
            body.put("nextLink", request.url(LIST_PATH) + "&$skipToken="
                    + URLEncoder.encode(skipTokens.seal(page.continuation(), LIST_PATH), StandardCharsets.UTF_8));
        }
        return Response.ok(body).build();
    }

    Response get(ClusterRef ref) {
        return Response.ok(redacted(document(ref))).build();
    }

    /** Starts an admin update of a cluster that is in no operation; 409 while it is in one, as for every write. */
    Response update(ArmRequest request, ClusterRef ref) {
        return Failsafe.with(retry).get(() -> {
            OpenShiftClusterDocument doc = document(ref);
            ClusterStates.requireTerminal(doc.getOpenShiftCluster().getProperties());
            OpenShiftClusterDocument written = operation.start(doc, ProvisioningState.ADMIN_UPDATING, request.correlationData(), clusters::update);
            return operations.inProgress(Response.ok(redacted(written)))
                    .header("Azure-AsyncOperation", operations.status(request, ref.subscriptionId(), written.getAsyncOperationId(), ApiVersions.latest().name()))
                    .build();
        });
    }

    OpenShiftClusterDocument document(ClusterRef ref) {
        return clusters.get(ref.resourceId()).orElseThrow(ref::notFound);
    }

    private static ObjectNode redacted(OpenShiftClusterDocument doc) {
        return REDACTED.valueToTree(doc);
    }
}
