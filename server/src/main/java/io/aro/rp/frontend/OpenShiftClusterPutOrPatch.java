package io.aro.rp.frontend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.aro.rp.api.ApiVersion;
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
import java.util.regex.Pattern;

/**
 * PUT and PATCH of a cluster (ARO's putorpatch): PUT replaces the writable properties, PATCH lays the
 * request over the cluster as the request's API version shows it. Both validate statically, refuse
 * changes the version does not allow, record the intent (Creating or Updating, and an AsyncOperation)
 * with one conditional write, and leave the work to the backend. Retried from the read when another
 * writer got in between.
 */
final class OpenShiftClusterPutOrPatch {
    private static final int BUCKETS = 256;
    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final OpenShiftClusters clusters;
    private final SubscriptionGate subscriptions;
    private final AsyncOperationUrls operations;
    private final ClusterOperation clusterOperation;
    private final FrontendSettings settings;
    private final InstallableVersions versions;
    private final WorkloadIdentityRoleSets roleSets;
    private final Clock clock;
    private final RetryPolicy<Object> retry;
    private final SecureRandom random = new SecureRandom();

    OpenShiftClusterPutOrPatch(OpenShiftClusters clusters, SubscriptionGate subscriptions, AsyncOperationUrls operations,
            ClusterOperation clusterOperation, FrontendSettings settings, InstallableVersions versions, WorkloadIdentityRoleSets roleSets, Clock clock,
            PreconditionRetry retry) {
        this.clusters = clusters;
        this.subscriptions = subscriptions;
        this.operations = operations;
        this.clusterOperation = clusterOperation;
        this.settings = settings;
        this.versions = versions;
        this.roleSets = roleSets;
        this.clock = clock;
        this.retry = retry.policy(ConcurrentCreate.class);
    }

    /** Thrown when another request created the cluster between our read and our create: start again as an update. */
    private static final class ConcurrentCreate extends RuntimeException {
        ConcurrentCreate() {
            super(null, null, false, false);
        }
    }

    /** PUT: {@code body} is the request as the version's generated model reads it. */
    Response put(ApiVersion api, ArmRequest request, ClusterRef ref, ObjectNode body) {
        return putOrPatch(api, request, ref, current -> withIdentity(body, ref), false);
    }

    /** PATCH: {@code patch} is the request as the version's generated update model reads it. */
    Response patch(ApiVersion api, ArmRequest request, ClusterRef ref, ObjectNode patch) {
        return putOrPatch(api, request, ref, current -> merge(api, current, patch), true);
    }

    /** The cluster the request asks for, from the current cluster as the request's version shows it (null on create). */
    private interface RequestView {
        ObjectNode of(ObjectNode current);
    }

    private Response putOrPatch(ApiVersion api, ArmRequest request, ClusterRef ref, RequestView view, boolean isPatch) {
        SubscriptionDocument subscription = subscriptions.require(ref.subscriptionId(), SubscriptionGate.WRITE);
        return Failsafe.with(retry).get(() -> {
            Optional<OpenShiftClusterDocument> existing = clusters.get(ref.resourceId());
            if (existing.isEmpty() && isPatch) {
                throw ref.notFound();
            }
            ObjectNode current = existing.map(doc -> api.toExternal(doc.getOpenShiftCluster())).orElse(null);
            existing.ifPresent(doc -> ClusterStates.requireUpdatable(doc.getOpenShiftCluster().getProperties()));

            ObjectNode requested = view.of(current);
            api.staticValidator().validate(requested, ref.validationContext(settings), existing.isEmpty());
            existing.ifPresent(doc -> api.updateValidator().validate(requested, api.toExternalWithSecrets(doc.getOpenShiftCluster())));
            OpenShiftClusterDocument written = existing.isEmpty()
                    ? create(api, request, ref, requested, subscription)
                    : update(api, request, existing.get(), requested);
            ObjectNode body = api.toExternal(written.getOpenShiftCluster());
            return operations.inProgress(Response.status(existing.isEmpty() ? Response.Status.CREATED : Response.Status.OK))
                    .header("Azure-AsyncOperation", operations.status(request, ref.subscriptionId(), written.getAsyncOperationId()))
                    .entity(body).build();
        });
    }

    private OpenShiftClusterDocument create(ApiVersion api, ArmRequest request, ClusterRef ref, ObjectNode requested,
            SubscriptionDocument subscription) {
        OpenShiftCluster oc = new OpenShiftCluster();
        oc.setId(ref.resourceId());
        oc.setName(ref.resourceName());
        oc.setType(ResourceNames.RESOURCE_TYPE);
        api.converter().toInternal(requested, oc);
        OpenShiftClusterProperties p = oc.getProperties();
        p.getClusterProfile().setVersion(versions.forNewCluster(p.getClusterProfile().getVersion()));
        roleSets.requireMatch(oc);
        takeIdentityHeaders(request, oc, true);
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
        try {
            return clusterOperation.start(doc, ProvisioningState.CREATING, request.correlationData(), clusters::create);
        } catch (DocumentConflictException e) {
            if (clusters.get(ref.resourceId()).isPresent()) {
                throw new ConcurrentCreate();
            }
            throw duplicate(ref, oc);
        }
    }

    private OpenShiftClusterDocument update(ApiVersion api, ArmRequest request, OpenShiftClusterDocument doc, ObjectNode requested) {
        OpenShiftCluster oc = doc.getOpenShiftCluster();
        api.converter().toInternal(requested, oc);
        roleSets.requireMatch(oc);
        takeIdentityHeaders(request, oc, false);
        SystemDataHeader.parse(request.systemData()).ifPresent(header -> {
            SystemData sd = oc.getSystemData() == null ? header : oc.getSystemData();
            sd.setLastModifiedBy(header.getLastModifiedBy());
            sd.setLastModifiedByType(header.getLastModifiedByType());
            sd.setLastModifiedAt(header.getLastModifiedAt());
            oc.setSystemData(sd);
        });
        setUniqueKeys(doc);
        try {
            return clusterOperation.start(doc, ProvisioningState.UPDATING, request.correlationData(), clusters::update);
        } catch (DocumentConflictException e) {
            throw duplicate(new ClusterRef(doc.getPartitionKey(), "", oc.getName()), oc);
        }
    }

    /**
     * ARM's identity headers of a workload identity cluster, kept for the backend: required when the cluster
     * is created, taken again when an update carries them.
     */
    private static void takeIdentityHeaders(ArmRequest request, OpenShiftCluster oc, boolean isCreate) {
        if (!oc.usesWorkloadIdentity()) {
            return;
        }
        if (request.identityUrl() == null || request.homeTenantId() == null) {
            if (isCreate) {
                throw ValidationErrors.badRequest(CloudErrorCodes.INVALID_REQUEST_CONTENT, null,
                        "A cluster with managed identities needs the headers %s and %s, which ARM sends.", ArmRequest.IDENTITY_URL, ArmRequest.HOME_TENANT_ID);
            }
            return;
        }
        if (!UUID.matcher(request.homeTenantId()).matches()) {
            throw ValidationErrors.badRequest(CloudErrorCodes.INVALID_REQUEST_CONTENT, null, "The header %s '%s' is not a tenant ID.",
                    ArmRequest.HOME_TENANT_ID, request.homeTenantId());
        }
        oc.getIdentity().setIdentityUrl(request.identityUrl());
        oc.getIdentity().setTenantId(request.homeTenantId());
    }

    /** The unique keys of a cluster: its service principal, or its cluster identity, and its resource group. */
    private static void setUniqueKeys(OpenShiftClusterDocument doc) {
        OpenShiftClusterProperties p = doc.getOpenShiftCluster().getProperties();
        doc.setClientIdKey(clientIdKey(doc.getOpenShiftCluster()).toLowerCase(Locale.ROOT));
        doc.setClusterResourceGroupIdKey(p.getClusterProfile().getResourceGroupId().toLowerCase(Locale.ROOT));
    }

    private static String clientIdKey(OpenShiftCluster oc) {
        return oc.usesWorkloadIdentity() ? oc.getIdentity().clusterIdentityId() : oc.getProperties().getServicePrincipalProfile().getClientId();
    }

    /** Which unique key another cluster of the subscription holds, as ARO reports it. */
    private CloudErrorException duplicate(ClusterRef ref, OpenShiftCluster oc) {
        String clientIdKey = clientIdKey(oc);
        if (clusters.findByClientId(ref.subscriptionId(), clientIdKey).isPresent()) {
            return oc.usesWorkloadIdentity()
                    ? ValidationErrors.badRequest(CloudErrorCodes.DUPLICATE_CLUSTER_IDENTITY, "identity",
                            "The provided cluster identity '%s' is already in use by a cluster.", clientIdKey)
                    : ValidationErrors.badRequest(CloudErrorCodes.DUPLICATE_CLIENT_ID, "properties.servicePrincipalProfile.clientId",
                            "The provided service principal application (client) ID '%s' is already in use by a cluster.", clientIdKey);
        }
        String resourceGroupId = oc.getProperties().getClusterProfile().getResourceGroupId();
        return ValidationErrors.badRequest(CloudErrorCodes.DUPLICATE_RESOURCE_GROUP, "properties.clusterProfile.resourceGroupId",
                "The provided resource group '%s' already contains a cluster.", resourceGroupId);
    }

    /**
     * A PUT body with id, name and type defaulted from the URL, as ARO unmarshals it over a skeleton. The body is
     * already the JSON of the version's model, and these are string properties of it: no second pass through the model.
     */
    private static ObjectNode withIdentity(ObjectNode body, ClusterRef ref) {
        ObjectNode json = body.deepCopy();
        if (!json.hasNonNull("id")) {
            json.put("id", ref.resourceId());
        }
        if (!json.hasNonNull("name")) {
            json.put("name", ref.resourceName());
        }
        if (!json.hasNonNull("type")) {
            json.put("type", ResourceNames.RESOURCE_TYPE);
        }
        return json;
    }

    /**
     * The current cluster with the PATCH laid over it as ARO's Go decoder lays a request over the current
     * cluster: objects merge, arrays merge element by element (so that
     * {@code "workerProfiles":[{"count":5}]} changes only the count) and take the request's length, and
     * tags are replaced as a whole.
     */
    private static ObjectNode merge(ApiVersion api, ObjectNode current, ObjectNode patch) {
        ObjectNode base = current.deepCopy();
        if (patch.has("tags")) {
            base.remove("tags");
        }
        return api.normalize(overlay(base, patch));
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
}
