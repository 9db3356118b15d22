package io.aro.rp.cloud.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * WireMock serving a small, stateful ARM on 127.0.0.1: resource groups, template deployments, resources
 * and their deletion, subnets, role assignments and permissions, private DNS records and links. It
 * answers like ARM — long-running PUTs and DELETEs with 201/202, {@code Azure-AsyncOperation} or
 * {@code Location} and {@code Retry-After: 1}, then InProgress or Succeeded; 404 for what does not exist — and can be
 * told to inject faults. Who calls is read from the bearer token's {@code oid} claim.
 *
 * <p>A deployment creates what its {@link DeploymentEffect} says (the test knows what a template makes);
 * ARM itself would evaluate the template.
 */
public final class FakeArm implements AutoCloseable {
    public static final String RP_PRINCIPAL = "11111111-1111-1111-1111-111111111111";
    public static final String NETWORK_CONTRIBUTOR_ACTIONS = "Microsoft.Network/*";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OPERATION = Pattern.compile("/subscriptions/[^/]+/providers/microsoft\\.resources/(operations|operationresults)/([^/]+)");
    private static final Pattern VM_ACTION = Pattern.compile("(/subscriptions/[^/]+/resourcegroups/[^/]+/providers/microsoft\\.compute/virtualmachines/[^/]+)/"
            + "(restart|redeploy|start|poweroff|deallocate)");
    private static final Pattern GROUP = Pattern.compile("(/subscriptions/[^/]+/resourcegroups/[^/]+)(/.*)?");

    /** What a succeeded deployment created and returned. */
    public record DeploymentOutcome(Map<String, Object> outputs, List<String> resources) {
    }

    /** What a deployment named so does, given its parameters' values. */
    @FunctionalInterface
    public interface DeploymentEffect extends Function<JsonNode, DeploymentOutcome> {
    }

    /** A request held on its way in: {@code arrived} opens when it comes, the request goes on when {@code release} opens. */
    public record Hold(CountDownLatch arrived, CountDownLatch release) {
    }

    private record PendingHold(String method, Pattern path, Hold hold) {
    }

    private record Fault(String method, Pattern path, String principal, int status, String code, Map<String, String> headers, int[] remaining) {
    }

    private static final class Operation {
        final Instant done;
        final Runnable onSuccess;
        final ObjectNode error;
        boolean finished;

        Operation(Instant done, Runnable onSuccess, ObjectNode error) {
            this.done = done;
            this.onSuccess = onSuccess;
            this.error = error;
        }
    }

    private final WireMockServer server;
    private final Map<String, ObjectNode> resources = new LinkedHashMap<>();
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    /** principal → scope → [actions, notActions] */
    private final Map<String, Map<String, List<List<String>>>> permissions = new LinkedHashMap<>();
    private final Map<String, DeploymentEffect> effects = new LinkedHashMap<>();
    private final Map<String, ObjectNode> failingDeployments = new LinkedHashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    private final List<PendingHold> holds = new ArrayList<>();
    private final Map<String, String> labels = new java.util.concurrent.ConcurrentHashMap<>(Map.of(RP_PRINCIPAL, "rp"));
    private Duration operationDuration = Duration.ZERO;
    private String retryAfter = "1";

    public FakeArm() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new Transformer()));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    /** Settings that reach this ARM, retrying fast. */
    public AzureCloudSettings settings() {
        return new AzureCloudSettings(uri(), URI.create("https://login.invalid/"), 3, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(30),
                null, null);
    }

    /** A credential whose tokens name {@code principal} as their oid, as Entra ID's would. */
    public static TokenCredential principal(String principal) {
        return request -> Mono.just(new AccessToken(token(principal), OffsetDateTime.now().plusHours(1)));
    }

    public static String token(String principal) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"oid\":\"" + principal + "\"}").getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** A resource that exists, as ARM would return it. */
    public synchronized void put(String id, ObjectNode resource) {
        resource.put("id", id);
        resource.put("name", id.substring(id.lastIndexOf('/') + 1));
        int providers = id.lastIndexOf("/providers/");
        if (!resource.has("type") && providers >= 0) {
            // Namespace/type[/subtype...] with the id's casing, as ARM lists a resource
            String[] parts = id.substring(providers + "/providers/".length()).split("/");
            StringBuilder type = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i += 2) {
                type.append('/').append(parts[i]);
            }
            resource.put("type", type.toString());
        }
        resources.put(key(id), resource);
    }

    public synchronized ObjectNode get(String id) {
        return resources.get(key(id));
    }

    public synchronized boolean exists(String id) {
        return resources.containsKey(key(id));
    }

    public synchronized void remove(String id) {
        resources.remove(key(id));
    }

    /** The ids of what exists, in lower case. */
    public synchronized List<String> ids() {
        return new ArrayList<>(resources.keySet());
    }

    /** How the journal names {@code principal}. */
    public void label(String principal, String label) {
        labels.put(principal, label);
    }

    /** {@code principal} may do {@code actions} (globs) on {@code scope}, replacing what it could do there. */
    public synchronized void grant(String principal, String scope, String... actions) {
        grant(principal, scope, List.of(actions), List.of());
    }

    /** {@code principal} may do {@code actions} but not {@code notActions} (globs) on {@code scope}, as one role's permission. */
    public synchronized void grant(String principal, String scope, List<String> actions, List<String> notActions) {
        permissions.computeIfAbsent(principal, p -> new LinkedHashMap<>()).put(key(scope), List.of(actions, notActions));
    }

    public synchronized void revoke(String principal, String scope) {
        permissions.getOrDefault(principal, new LinkedHashMap<>()).remove(key(scope));
    }

    public synchronized void onDeployment(String name, DeploymentEffect effect) {
        effects.put(name.toLowerCase(Locale.ROOT), effect);
    }

    /** Deployments named so fail with ARM's DeploymentFailed carrying {@code code} and {@code message}. */
    public synchronized void failDeployment(String name, String code, String message) {
        ObjectNode error = JSON.createObjectNode().put("code", "DeploymentFailed").put("message", "At least one resource deployment operation failed.");
        error.putArray("details").addObject().put("code", code).put("message", message);
        failingDeployments.put(name.toLowerCase(Locale.ROOT), error);
    }

    /** The Retry-After of long-running operations' responses ("1" unless told), or none for null: then the client polls at its own interval. */
    public synchronized void retryAfter(String seconds) {
        this.retryAfter = seconds;
    }

    /** How long a long-running operation runs before it succeeds. */
    public synchronized void operationDuration(Duration duration) {
        this.operationDuration = duration;
    }

    /**
     * The next {@code times} requests of {@code method} (or any, for null) on a path matching {@code path}
     * (lower case, a regex found anywhere) by {@code principal} (or anyone) get {@code status} with ARM's
     * error {@code code} and {@code headers}.
     */
    public synchronized void fail(String method, String path, String principal, int times, int status, String code, Map<String, String> headers) {
        faults.add(new Fault(method, Pattern.compile(path), principal, status, code, headers, new int[] {times}));
    }

    /** Holds the next request of {@code method} on a path matching {@code path} until the test releases it. */
    public synchronized Hold hold(String method, String path) {
        Hold hold = new Hold(new CountDownLatch(1), new CountDownLatch(1));
        holds.add(new PendingHold(method, Pattern.compile(path), hold));
        return hold;
    }

    /**
     * The journal: every request in order, as {@code "<who> <METHOD> <path>"} with the path in lower
     * case, without its query, with polled operations as {@code {operation}}; {@code who} is the caller's
     * {@link #label label} ({@code rp} for the RP) or principal.
     */
    public List<String> journal() {
        // WireMock lists the newest first; its logged dates are in milliseconds, so a sort by date alone put the
        // requests of one millisecond in reverse (a faster machine made a test of the order fail).
        List<LoggedRequest> requests = new ArrayList<>(server.getAllServeEvents().stream().map(ServeEvent::getRequest).toList());
        Collections.reverse(requests);
        requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        List<String> lines = new ArrayList<>();
        for (LoggedRequest request : requests) {
            String principal = principalOf(request);
            String who = labels.getOrDefault(principal, String.valueOf(principal));
            lines.add(who + " " + request.getMethod().getName() + " " + OPERATION.matcher(path(request.getUrl())).replaceAll("{operation}"));
        }
        return lines;
    }

    public void resetJournal() {
        server.resetRequests();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {
        @Override
        public String getName() {
            return "fake-arm";
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Hold hold = takeHold(event.getRequest());
            if (hold != null) {
                hold.arrived().countDown();
                try {
                    hold.release().await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            synchronized (FakeArm.this) {
                try {
                    return handle(event.getRequest());
                } catch (RuntimeException e) {
                    return error(500, "InternalServerError", e.toString()).build();
                }
            }
        }
    }

    private synchronized Hold takeHold(Request request) {
        for (Iterator<PendingHold> it = holds.iterator(); it.hasNext();) {
            PendingHold pending = it.next();
            if (pending.method().equals(request.getMethod().getName()) && pending.path().matcher(path(request.getUrl())).find()) {
                it.remove();
                return pending.hold();
            }
        }
        return null;
    }

    private ResponseDefinition handle(Request request) {
        completeOperations();
        String method = request.getMethod().getName();
        String path = path(request.getUrl());
        String principal = principalOf(request);
        if (principal == null) {
            return error(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.").build();
        }
        for (Iterator<Fault> it = faults.iterator(); it.hasNext();) {
            Fault fault = it.next();
            if ((fault.method == null || fault.method.equals(method)) && fault.path.matcher(path).find()
                    && (fault.principal == null || fault.principal.equals(principal))) {
                if (--fault.remaining[0] <= 0) {
                    it.remove();
                }
                ResponseDefinitionBuilder response = error(fault.status, fault.code, "Injected " + fault.code + ".");
                fault.headers.forEach(response::withHeader);
                return response.build();
            }
        }
        Matcher operation = OPERATION.matcher(path);
        if (operation.matches()) {
            return operation(operation.group(1), operation.group(2));
        }
        if (path.endsWith("/providers/microsoft.authorization/permissions")) {
            return permissions(principal, path.substring(0, path.length() - "/providers/microsoft.authorization/permissions".length()));
        }
        Matcher group = GROUP.matcher(path);
        if (!group.matches()) {
            return error(400, "InvalidResourceId", "Unexpected path " + path).build();
        }
        String groupKey = group.group(1);
        String rest = group.group(2) == null ? "" : group.group(2);
        if (rest.isEmpty()) {
            return resourceGroup(method, groupKey, request);
        }
        if (!resources.containsKey(groupKey)) {
            return error(404, "ResourceGroupNotFound", "Resource group '" + groupKey + "' could not be found.").build();
        }
        if (rest.equals("/resources") && method.equals("GET")) {
            return list(groupKey, request.queryParameter("$filter").isPresent() ? request.queryParameter("$filter").firstValue() : null);
        }
        if (rest.startsWith("/providers/microsoft.resources/deployments/")) {
            return deployment(method, path, request);
        }
        if (rest.contains("/providers/microsoft.authorization/roleassignments/")) {
            return roleAssignment(method, path, request);
        }
        Matcher action = VM_ACTION.matcher(path);
        if (method.equals("POST") && action.matches()) {
            return virtualMachineAction(action.group(1), action.group(2));
        }
        return resource(method, path, request);
    }

    private ResponseDefinition operation(String kind, String id) {
        Operation op = operations.get(id);
        if (op == null) {
            return error(404, "NotFound", "No operation " + id).build();
        }
        if (!op.finished) {
            ResponseDefinitionBuilder running = json(kind.equals("operations") ? 200 : 202, JSON.createObjectNode().put("status", "InProgress"));
            return withRetryAfter(running).build();
        }
        if (op.error != null) {
            ObjectNode body = JSON.createObjectNode().put("status", "Failed");
            body.set("error", op.error);
            return json(200, body).build();
        }
        return kind.equals("operations") ? json(200, JSON.createObjectNode().put("status", "Succeeded")).build() : aResponse().withStatus(204).build();
    }

    private ResponseDefinition permissions(String principal, String scope) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode value = body.putArray("value");
        for (Map.Entry<String, List<List<String>>> grant : permissions.getOrDefault(principal, Map.of()).entrySet()) {
            if (scope.equals(grant.getKey()) || scope.startsWith(grant.getKey() + "/")) {
                ObjectNode permission = value.addObject();
                grant.getValue().get(0).forEach(permission.putArray("actions")::add);
                grant.getValue().get(1).forEach(permission.putArray("notActions")::add);
            }
        }
        return json(200, body).build();
    }

    private ResponseDefinition resourceGroup(String method, String key, Request request) {
        ObjectNode group = resources.get(key);
        switch (method) {
            case "GET" -> {
                return group == null ? error(404, "ResourceGroupNotFound", "Resource group '" + key + "' could not be found.").build()
                        : json(200, group).build();
            }
            case "PUT" -> {
                ObjectNode body = (ObjectNode) body(request);
                body.put("id", idFrom(request));
                body.put("name", key.substring(key.lastIndexOf('/') + 1));
                body.putObject("properties").put("provisioningState", "Succeeded");
                resources.put(key, body);
                return json(group == null ? 201 : 200, body).build();
            }
            case "PATCH" -> {
                if (group == null) {
                    return error(404, "ResourceGroupNotFound", "Resource group '" + key + "' could not be found.").build();
                }
                JsonNode patch = body(request);
                if (patch.has("tags")) {
                    group.set("tags", patch.get("tags"));
                }
                return json(200, group).build();
            }
            case "DELETE" -> {
                if (group == null) {
                    return error(404, "ResourceGroupNotFound", "Resource group '" + key + "' could not be found.").build();
                }
                group.with("properties").put("provisioningState", "Deleting");
                return acceptedDelete(() -> resources.keySet().removeIf(id -> id.equals(key) || id.startsWith(key + "/")), false);
            }
            default -> {
                return error(405, "MethodNotAllowed", method).build();
            }
        }
    }

    private ResponseDefinition list(String group, String filter) {
        Matcher type = Pattern.compile("resourceType eq '([^']+)'", Pattern.CASE_INSENSITIVE).matcher(filter == null ? "" : filter);
        String wanted = type.find() ? type.group(1).toLowerCase(Locale.ROOT) : null;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode value = body.putArray("value");
        for (Map.Entry<String, ObjectNode> resource : resources.entrySet()) {
            String id = resource.getKey();
            if (id.startsWith(group + "/providers/") && (wanted == null || typeOf(id).equals(wanted))) {
                value.add(resource.getValue());
            }
        }
        return json(200, body).build();
    }

    private ResponseDefinition deployment(String method, String key, Request request) {
        ObjectNode deployment = resources.get(key);
        String name = key.substring(key.lastIndexOf('/') + 1);
        if (method.equals("GET")) {
            return deployment == null ? error(404, "DeploymentNotFound", "Deployment '" + name + "' could not be found.").build()
                    : json(200, deployment).build();
        }
        if (!method.equals("PUT")) {
            return error(405, "MethodNotAllowed", method).build();
        }
        if (deployment != null && deployment.path("properties").path("provisioningState").asText().equals("Running")) {
            return error(409, "DeploymentActive", "The deployment '" + name + "' is active and cannot be modified.").build();
        }
        JsonNode properties = body(request).path("properties");
        String invalid = invalidParameters(properties.path("template").path("parameters"), properties.path("parameters"));
        if (invalid != null) {
            return error(400, "InvalidTemplate", invalid).build();
        }
        ObjectNode stored = JSON.createObjectNode().put("id", idFrom(request)).put("name", name).put("type", "Microsoft.Resources/deployments");
        ObjectNode storedProperties = stored.putObject("properties").put("provisioningState", "Running").put("mode", properties.path("mode").asText());
        ObjectNode parameters = storedProperties.putObject("parameters");
        ObjectNode values = JSON.createObjectNode();
        properties.path("parameters").properties().forEach(p -> {
            parameters.putObject(p.getKey()).set("value", p.getValue().path("value"));
            values.set(p.getKey(), p.getValue().path("value"));
        });
        resources.put(key, stored);
        String group = GROUP.matcher(key).replaceFirst("$1");
        ObjectNode failure = failingDeployments.get(name);
        DeploymentEffect effect = effects.get(name);
        Runnable onSuccess = () -> {
            storedProperties.put("provisioningState", "Succeeded");
            if (effect != null) {
                DeploymentOutcome outcome = effect.apply(values);
                ObjectNode outputs = storedProperties.putObject("outputs");
                outcome.outputs().forEach((k, v) -> outputs.putObject(k).put("type", "String").put("value", String.valueOf(v)));
                for (String resource : outcome.resources()) {
                    String id = group + "/" + resource.toLowerCase(Locale.ROOT);
                    resources.putIfAbsent(id, JSON.createObjectNode().put("id", id).put("name", id.substring(id.lastIndexOf('/') + 1))
                            .put("type", typeOf(id)));
                }
            }
        };
        if (failure != null) {
            return acceptedPut(() -> {
                storedProperties.put("provisioningState", "Failed");
                storedProperties.set("error", failure);
            }, failure, 201, stored);
        }
        return acceptedPut(onSuccess, null, 201, stored);
    }

    private ResponseDefinition roleAssignment(String method, String key, Request request) {
        ObjectNode assignment = resources.get(key);
        if (method.equals("GET")) {
            return assignment == null ? error(404, "RoleAssignmentNotFound", "The role assignment does not exist.").build() : json(200, assignment).build();
        }
        if (!method.equals("PUT")) {
            return error(405, "MethodNotAllowed", method).build();
        }
        JsonNode properties = body(request).path("properties");
        String scope = key.substring(0, key.indexOf("/providers/microsoft.authorization/roleassignments/"));
        for (Map.Entry<String, ObjectNode> other : resources.entrySet()) {
            JsonNode p = other.getValue().path("properties");
            if (!other.getKey().equals(key) && other.getKey().startsWith(scope + "/providers/microsoft.authorization/roleassignments/")
                    && p.path("principalId").asText().equals(properties.path("principalId").asText())
                    && p.path("roleDefinitionId").asText().equalsIgnoreCase(properties.path("roleDefinitionId").asText())) {
                return error(409, "RoleAssignmentExists", "The role assignment already exists.").build();
            }
        }
        ObjectNode stored = JSON.createObjectNode().put("id", idFrom(request)).put("name", key.substring(key.lastIndexOf('/') + 1))
                .put("type", "Microsoft.Authorization/roleAssignments");
        stored.set("properties", properties.deepCopy());
        ((ObjectNode) stored.get("properties")).put("scope", scope);
        resources.put(key, stored);
        return json(201, stored).build();
    }

    /** A virtual machine's action (restart, powerOff, ...): accepted, then recorded on the machine when it completes. */
    private ResponseDefinition virtualMachineAction(String vm, String action) {
        ObjectNode machine = resources.get(vm);
        if (machine == null) {
            return error(404, "ResourceNotFound", "The Resource 'Microsoft.Compute/virtualMachines/" + vm.substring(vm.lastIndexOf('/') + 1)
                    + "' was not found.").build();
        }
        String id = newOperation(() -> machine.with("properties").put("lastAction", action), null);
        return withRetryAfter(aResponse().withStatus(202).withHeader("Azure-AsyncOperation", operationUrl(id))
                .withHeader("Location", uri() + "subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Resources/operationResults/" + id))
                .build();
    }

    private ResponseDefinition resource(String method, String key, Request request) {
        ObjectNode resource = resources.get(key);
        String type = typeOf(key);
        switch (method) {
            case "GET" -> {
                if (resource == null && isCollection(key)) {
                    return children(key);
                }
                return resource == null ? error(404, "ResourceNotFound", "The Resource '" + type + "/" + key.substring(key.lastIndexOf('/') + 1)
                        + "' was not found.").build() : json(200, resource).build();
            }
            case "PUT" -> {
                ObjectNode body = (ObjectNode) body(request);
                body.put("id", idFrom(request));
                body.put("name", key.substring(key.lastIndexOf('/') + 1));
                if (type.startsWith("microsoft.network/dnszones") || type.startsWith("microsoft.managedidentity/")) {
                    // DNS and managed identity writes are synchronous; a new zone gets its own set of name servers
                    if (type.equals("microsoft.network/dnszones")) {
                        body.with("properties").set("nameServers", nameServers(key));
                    }
                    resources.put(key, body);
                    return json(resource == null ? 201 : 200, body).build();
                }
                body.with("properties").put("provisioningState", "Updating");
                int status = resource == null ? 201 : 200;
                resources.put(key, body);
                return acceptedPut(() -> body.with("properties").put("provisioningState", "Succeeded"), null, status, body);
            }
            case "DELETE" -> {
                if (resource == null) {
                    return aResponse().withStatus(204).build();
                }
                if (type.startsWith("microsoft.network/dnszones/") || type.startsWith("microsoft.managedidentity/")) {
                    resources.remove(key);
                    return aResponse().withStatus(200).build();
                }
                return acceptedDelete(() -> resources.keySet().removeIf(id -> id.equals(key) || id.startsWith(key + "/")),
                        type.startsWith("microsoft.network/"));
            }
            default -> {
                return error(405, "MethodNotAllowed", method).build();
            }
        }
    }

    /** Whether {@code key} names a collection ({@code .../providers/<namespace>/<type>/<name>/<child type>}) rather than a resource. */
    private static boolean isCollection(String key) {
        int providers = key.lastIndexOf("/providers/");
        return providers >= 0 && key.substring(providers + "/providers/".length()).split("/").length % 2 == 0;
    }

    /** A collection's resources, as ARM lists them: {@code {"value": [...]}} in one page; 404 when their parent is gone. */
    private ResponseDefinition children(String collection) {
        String parent = collection.substring(0, collection.lastIndexOf('/'));
        if (!resources.containsKey(parent)) {
            return error(404, "ResourceNotFound", "The Resource '" + typeOf(parent) + "/" + parent.substring(parent.lastIndexOf('/') + 1)
                    + "' was not found.").build();
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode value = body.putArray("value");
        resources.forEach((id, resource) -> {
            if (id.startsWith(collection + "/") && id.indexOf('/', collection.length() + 1) < 0) {
                value.add(resource);
            }
        });
        return json(200, body).build();
    }

    /** A DELETE accepted: 202 with Location (and Azure-AsyncOperation for providers that send both). */
    private ResponseDefinition acceptedDelete(Runnable onSuccess, boolean asyncOperation) {
        String id = newOperation(onSuccess, null);
        ResponseDefinitionBuilder response = withRetryAfter(aResponse().withStatus(202))
                .withHeader("Location", uri() + "subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Resources/operationResults/" + id);
        if (asyncOperation) {
            response.withHeader("Azure-AsyncOperation", operationUrl(id));
        }
        return response.build();
    }

    /** A PUT accepted: the resource as it is now, with Azure-AsyncOperation to poll. */
    private ResponseDefinition acceptedPut(Runnable onSuccess, ObjectNode error, int status, ObjectNode body) {
        String id = newOperation(onSuccess, error);
        return withRetryAfter(json(status, body).withHeader("Azure-AsyncOperation", operationUrl(id))).build();
    }

    private ResponseDefinitionBuilder withRetryAfter(ResponseDefinitionBuilder response) {
        return retryAfter == null ? response : response.withHeader("Retry-After", retryAfter);
    }

    private String newOperation(Runnable onSuccess, ObjectNode error) {
        String id = UUID.randomUUID().toString();
        // Completed at the earliest by the next request: the response that starts an operation shows it running, as ARM's does.
        operations.put(id, new Operation(Instant.now().plus(operationDuration), onSuccess, error));
        return id;
    }

    private String operationUrl(String id) {
        return uri() + "subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Resources/operations/" + id;
    }

    private void completeOperations() {
        Instant now = Instant.now();
        for (Operation op : operations.values()) {
            if (!op.finished && !now.isBefore(op.done)) {
                op.finished = true;
                op.onSuccess.run();
            }
        }
    }

    /** Why ARM would refuse these parameters for this template, or null: every parameter declared, none missing without a default. */
    private static String invalidParameters(JsonNode declared, JsonNode given) {
        for (Map.Entry<String, JsonNode> parameter : given.properties()) {
            if (!declared.has(parameter.getKey())) {
                return "The template parameter '" + parameter.getKey() + "' is not valid; it is not declared in the template.";
            }
        }
        for (Map.Entry<String, JsonNode> parameter : declared.properties()) {
            if (!given.has(parameter.getKey()) && !parameter.getValue().has("defaultValue")) {
                return "The value for the template parameter '" + parameter.getKey() + "' is not provided.";
            }
        }
        return null;
    }

    /** The name servers Azure DNS gives a zone: one of its sets, the same for the same zone. */
    private static ArrayNode nameServers(String zoneKey) {
        int set = Math.floorMod(zoneKey.hashCode(), 40) + 1;
        ArrayNode servers = JSON.createArrayNode();
        for (int i = 1; i <= 4; i++) {
            servers.add(String.format("ns%d-%02d.azure-dns.%s.", i, set, List.of("com", "net", "org", "info").get(i - 1)));
        }
        return servers;
    }

    private static String typeOf(String id) {
        String[] parts = id.substring(id.indexOf("/providers/") + "/providers/".length()).split("/");
        StringBuilder type = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i += 2) {
            type.append('/').append(parts[i]);
        }
        return type.toString().toLowerCase(Locale.ROOT);
    }

    private static ResponseDefinitionBuilder json(int status, JsonNode body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body.toString());
    }

    private static ResponseDefinitionBuilder error(int status, String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        return json(status, body);
    }

    private static JsonNode body(Request request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (Exception e) {
            throw new IllegalArgumentException("not JSON: " + request.getBodyAsString(), e);
        }
    }

    private static String idFrom(Request request) {
        return URI.create(request.getUrl()).getPath().replaceAll("/{2,}", "/");
    }

    private static String path(String url) {
        return key(URI.create(url).getPath());
    }

    private static String key(String id) {
        return id.replaceAll("/{2,}", "/").replaceAll("/$", "").toLowerCase(Locale.ROOT);
    }

    /** The {@code oid} of the request's bearer token, or null without one. */
    static String principalOf(Request request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        try {
            String[] parts = authorization.substring("Bearer ".length()).split("\\.");
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).path("oid").asText(null);
        } catch (Exception e) {
            return null;
        }
    }
}
