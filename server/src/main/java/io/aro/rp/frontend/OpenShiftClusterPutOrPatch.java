package io.aro.rp.frontend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.aro.rp.api.ApiVersion;
import io.aro.rp.api.CloudError;
import io.aro.rp.api.CloudErrorBody;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.CloudErrorException;
import io.aro.rp.api.Install;
import io.aro.rp.api.InstallPhase;
import io.aro.rp.api.OpenShiftCluster;
import io.aro.rp.api.OpenShiftClusterDefaults;
import io.aro.rp.api.OpenShiftClusterProperties;
import io.aro.rp.api.ProvisioningState;
import io.aro.rp.api.ResourceNames;
import io.aro.rp.api.SystemData;
import io.aro.rp.api.validate.ValidationErrors;
import io.aro.rp.database.ClusterOperation;
import io.aro.rp.database.DocumentConflictException;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.OpenShiftClusters;
import io.aro.rp.database.PreconditionRetry;
import io.aro.rp.database.SubscriptionDocument;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * PUT and PATCH of a cluster (ARO's putorpatch): PUT replaces the writable properties, PATCH lays the
 * request over the cluster as the request's API version shows it. Both validate statically, refuse
 * changes the version does not allow, record the intent (Creating or Updating, and an AsyncOperation)
 * with one conditional write, and leave the work to the backend. Retried from the read when another
 * writer got in between.
 */
final class OpenShiftClusterPutOrPatch {
    private static final int BUCKETS = 256;

    private final OpenShiftClusters clusters;
    private final SubscriptionGate subscriptions;
    private final AsyncOperationUrls operations;
    private final ClusterOperation clusterOperation;
    private final FrontendSettings settings;
    private final InstallableVersions versions;
    private final Clock clock;
    private final RetryPolicy<Object> retry;
    private final SecureRandom random = new SecureRandom();

    OpenShiftClusterPutOrPatch(OpenShiftClusters clusters, SubscriptionGate subscriptions, AsyncOperationUrls operations,
            ClusterOperation clusterOperation, FrontendSettings settings, InstallableVersions versions, Clock clock, PreconditionRetry retry) {
        this.clusters = clusters;
        this.subscriptions = subscriptions;
        this.operations = operations;
        this.clusterOperation = clusterOperation;
        this.settings = settings;
        this.versions = versions;
        this.clock = clock;
        this.retry = retry.policy(ConcurrentCreate.class);
    }

    /** Thrown when another request created the cluster between our read and our create: start again as an update. */
    private static final class ConcurrentCreate extends RuntimeException {
        ConcurrentCreate() {
            super(null, null, false, false);
        }
    }

    <E> Response put(ApiVersion<E> api, ArmRequest request, ClusterRef ref, E body) {
        return putOrPatch(api, request, ref, current -> withIdentity(api, body, ref), false);
    }

    <E> Response patch(ApiVersion<E> api, ArmRequest request, ClusterRef ref, JsonNode patch) {
        return putOrPatch(api, request, ref, current -> merge(api, current, patch), true);
    }

    private interface RequestView<E> {
        E of(E current);
    }

    private <E> Response putOrPatch(ApiVersion<E> api, ArmRequest request, ClusterRef ref, RequestView<E> view, boolean isPatch) {
        SubscriptionDocument subscription = subscriptions.require(ref.subscriptionId(), SubscriptionGate.WRITE);
        return Failsafe.with(retry).get(() -> {
            Optional<OpenShiftClusterDocument> existing = clusters.get(ref.resourceId());
            if (existing.isEmpty() && isPatch) {
                throw ref.notFound();
            }
            E current = existing.map(doc -> api.converter().toExternal(doc.getOpenShiftCluster())).orElse(null);
            existing.ifPresent(doc -> ClusterStates.requireUpdatable(doc.getOpenShiftCluster().getProperties()));

            E requested = view.of(current);
            api.staticValidator().validate(requested, ref.validationContext(settings), existing.isEmpty());
            if (current != null) {
                api.updateValidator().validate(requested, current);
            }
            OpenShiftClusterDocument written = existing.isEmpty()
                    ? create(api, request, ref, requested, subscription)
                    : update(api, request, existing.get(), requested);
            E body = api.converter().toExternal(written.getOpenShiftCluster());
            return Response.status(existing.isEmpty() ? Response.Status.CREATED : Response.Status.OK)
                    .header("Azure-AsyncOperation", operations.status(request, ref.subscriptionId(), written.getAsyncOperationId()))
                    .entity(body).build();
        });
    }

    private <E> OpenShiftClusterDocument create(ApiVersion<E> api, ArmRequest request, ClusterRef ref, E requested,
            SubscriptionDocument subscription) {
        OpenShiftCluster oc = new OpenShiftCluster();
        oc.setId(ref.resourceId());
        oc.setName(ref.resourceName());
        oc.setType(ResourceNames.RESOURCE_TYPE);
        api.converter().toInternal(requested, oc);
        OpenShiftClusterProperties p = oc.getProperties();
        p.getClusterProfile().setVersion(versions.forNewCluster(p.getClusterProfile().getVersion()));
        OpenShiftClusterDefaults.apply(oc);
        p.getServicePrincipalProfile().setTenantId(subscription.getSubscription().getProperties().getTenantId());
        Install install = new Install();
        install.setNow(clock.instant());
        install.setPhase(InstallPhase.BOOTSTRAP);
        p.setInstall(install);
        oc.setSystemData(SystemDataHeader.parse(request.systemData()).orElse(null));

        OpenShiftClusterDocument doc = new OpenShiftClusterDocument();
        doc.setKey(ref.resourceId());
        doc.setOpenShiftCluster(oc);
        doc.setBucket(random.nextInt(BUCKETS));
        setUniqueKeys(doc);
        clusterOperation.start(doc, ProvisioningState.CREATING, request.correlationData());
        try {
            return clusters.create(doc);
        } catch (DocumentConflictException e) {
            if (clusters.get(ref.resourceId()).isPresent()) {
                throw new ConcurrentCreate();
            }
            throw duplicate(ref, oc);
        }
    }

    private <E> OpenShiftClusterDocument update(ApiVersion<E> api, ArmRequest request, OpenShiftClusterDocument doc, E requested) {
        OpenShiftCluster oc = doc.getOpenShiftCluster();
        api.converter().toInternal(requested, oc);
        SystemDataHeader.parse(request.systemData()).ifPresent(header -> {
            SystemData sd = oc.getSystemData() == null ? header : oc.getSystemData();
            sd.setLastModifiedBy(header.getLastModifiedBy());
            sd.setLastModifiedByType(header.getLastModifiedByType());
            sd.setLastModifiedAt(header.getLastModifiedAt());
            oc.setSystemData(sd);
        });
        setUniqueKeys(doc);
        clusterOperation.start(doc, ProvisioningState.UPDATING, request.correlationData());
        try {
            return clusters.update(doc);
        } catch (DocumentConflictException e) {
            throw duplicate(new ClusterRef(doc.getPartitionKey(), "", oc.getName()), oc);
        }
    }

    private static void setUniqueKeys(OpenShiftClusterDocument doc) {
        OpenShiftClusterProperties p = doc.getOpenShiftCluster().getProperties();
        doc.setClientIdKey(p.getServicePrincipalProfile().getClientId().toLowerCase(Locale.ROOT));
        doc.setClusterResourceGroupIdKey(p.getClusterProfile().getResourceGroupId().toLowerCase(Locale.ROOT));
    }

    /** Which unique key another cluster of the subscription holds, as ARO reports it. */
    private CloudErrorException duplicate(ClusterRef ref, OpenShiftCluster oc) {
        String clientId = oc.getProperties().getServicePrincipalProfile().getClientId();
        if (clusters.findByClientId(ref.subscriptionId(), clientId).isPresent()) {
            return ValidationErrors.badRequest(CloudErrorCodes.DUPLICATE_CLIENT_ID, "properties.servicePrincipalProfile.clientId",
                    "The provided service principal application (client) ID '%s' is already in use by a cluster.", clientId);
        }
        String resourceGroupId = oc.getProperties().getClusterProfile().getResourceGroupId();
        return ValidationErrors.badRequest(CloudErrorCodes.DUPLICATE_RESOURCE_GROUP, "properties.clusterProfile.resourceGroupId",
                "The provided resource group '%s' already contains a cluster.", resourceGroupId);
    }

    /** A PUT body with id, name and type defaulted from the URL, as ARO unmarshals it over a skeleton. */
    private static <E> E withIdentity(ApiVersion<E> api, E body, ClusterRef ref) {
        ObjectNode json = FrontendJson.MAPPER.valueToTree(body);
        if (!json.hasNonNull("id")) {
            json.put("id", ref.resourceId());
        }
        if (!json.hasNonNull("name")) {
            json.put("name", ref.resourceName());
        }
        if (!json.hasNonNull("type")) {
            json.put("type", ResourceNames.RESOURCE_TYPE);
        }
        return read(api, json);
    }

    /**
     * The current cluster with the PATCH laid over it as ARO's Go decoder lays a request over the current
     * cluster: objects merge, arrays merge element by element (so that
     * {@code "workerProfiles":[{"count":5}]} changes only the count) and take the request's length, and
     * tags are replaced as a whole.
     */
    private static <E> E merge(ApiVersion<E> api, E current, JsonNode patch) {
        ObjectNode base = FrontendJson.MAPPER.valueToTree(current);
        if (patch.has("tags")) {
            base.remove("tags");
        }
        return read(api, overlay(base, patch));
    }

    private static JsonNode overlay(JsonNode current, JsonNode patch) {
        if (patch.isObject() && current != null && current.isObject()) {
            ObjectNode result = (ObjectNode) current.deepCopy();
            patch.fields().forEachRemaining(field -> result.set(field.getKey(), overlay(current.get(field.getKey()), field.getValue())));
            return result;
        }
        if (patch.isArray() && current != null && current.isArray()) {
            ArrayNode result = FrontendJson.MAPPER.createArrayNode();
            for (int i = 0; i < patch.size(); i++) {
                result.add(overlay(i < current.size() ? current.get(i) : null, patch.get(i)));
            }
            return result;
        }
        return patch.deepCopy();
    }

    private static <E> E read(ApiVersion<E> api, JsonNode json) {
        try {
            return FrontendJson.MAPPER.treeToValue(json, api.clusterType());
        } catch (JsonProcessingException e) {
            throw new CloudError(400, new CloudErrorBody(CloudErrorCodes.INVALID_REQUEST_CONTENT,
                    "The request content was invalid and could not be deserialized.", null, null)).toException();
        }
    }
}
