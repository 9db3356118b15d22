package io.aro.rp.frontend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ApiVersion;
import io.aro.rp.api.ResourceNames;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.OpenShiftClusters;
import io.aro.rp.database.ResultPage;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cluster lists of a subscription and of a resource group, a page at a time, with a sealed {@code $skipToken} in nextLink. */
final class OpenShiftClusterList {
    private final OpenShiftClusters clusters;
    private final SubscriptionGate subscriptions;
    private final SkipTokens skipTokens;
    private final int pageSize;

    OpenShiftClusterList(OpenShiftClusters clusters, SubscriptionGate subscriptions, SkipTokens skipTokens, int pageSize) {
        this.clusters = clusters;
        this.subscriptions = subscriptions;
        this.skipTokens = skipTokens;
        this.pageSize = pageSize;
    }

    /** A page of the clusters of the subscription, or of its resource group when {@code resourceGroup} is not null. */
    Response list(ApiVersion api, ArmRequest request, String subscriptionId, String resourceGroup, String skipToken) {
        subscriptions.require(subscriptionId, SubscriptionGate.READ);
        String path = "/subscriptions/" + subscriptionId + (resourceGroup == null ? "" : "/resourceGroups/" + resourceGroup)
                + "/providers/" + ResourceNames.RESOURCE_TYPE;
        String continuation = skipToken == null ? null : skipTokens.open(skipToken, path);
        ResultPage<OpenShiftClusterDocument> page = resourceGroup == null
                ? clusters.listBySubscription(subscriptionId, continuation, pageSize)
                : clusters.listByResourceGroup(subscriptionId, resourceGroup, continuation, pageSize);
        List<ObjectNode> value = page.items().stream().map(doc -> api.toExternal(doc.getOpenShiftCluster())).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", value);
        if (page.continuation() != null) {
            body.put("nextLink", request.url(path) + "&$skipToken="
                    + URLEncoder.encode(skipTokens.seal(page.continuation(), path), StandardCharsets.UTF_8));
        }
        return Response.ok(body).build();
    }
}
