package io.aro.rp.api.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.CloudErrorException;
import io.aro.rp.api.external.ClusterUpdateValidator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which properties of an API version may change on update. Compares the JSON of an update request with
 * the JSON of the current resource in the same API version and refuses the first change to a property
 * that is neither mutable nor read-only, with ARO's {@code PropertyChangeNotAllowed}.
 *
 * <p>Paths are written as JSON paths with {@code [*]} for any array index, for example
 * {@code properties.workerProfiles[*].count}. A property that the request leaves out (or sets to null
 * or an empty string) keeps its value, so it is not a change.
 */
public final class ImmutabilityPolicy implements ClusterUpdateValidator {
    /**
     * What every API version lets an update change: tags and the service principal (client ID and
     * secret, for credential rotation). Worker profiles are fixed at create, as in ARO: the cluster's
     * machine sets own the workers. The read-only paths are set by the RP (or checked against the URL by
     * the static validator) and ignored in requests; a version without one of them never sends it.
     */
    public static final ImmutabilityPolicy CORE = of(
            Set.of(
                    "tags",
                    "properties.servicePrincipalProfile.clientId",
                    "properties.servicePrincipalProfile.clientSecret"),
            Set.of(
                    "id", "name", "type", "location", "systemData",
                    "properties.provisioningState",
                    "properties.clusterProfile.oidcIssuer",
                    "properties.consoleProfile.url",
                    "properties.apiserverProfile.url",
                    "properties.apiserverProfile.ip",
                    "properties.ingressProfiles[*].ip",
                    "properties.workerProfilesStatus",
                    "properties.networkProfile.loadBalancerProfile.effectiveOutboundIps"));

    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");

    private final Set<String> mutable;
    private final Set<String> readOnly;

    private ImmutabilityPolicy(Set<String> mutable, Set<String> readOnly) {
        this.mutable = Set.copyOf(mutable);
        this.readOnly = Set.copyOf(readOnly);
    }

    /** A policy in which only {@code mutable} may change and {@code readOnly} is ignored in requests. */
    public static ImmutabilityPolicy of(Set<String> mutable, Set<String> readOnly) {
        return new ImmutabilityPolicy(mutable, readOnly);
    }

    /** This policy with more mutable paths, for a newer API version that allows more changes. */
    public ImmutabilityPolicy withMutable(String... paths) {
        Set<String> more = new LinkedHashSet<>(mutable);
        more.addAll(Set.of(paths));
        return new ImmutabilityPolicy(more, readOnly);
    }

    /** This policy with more read-only paths. */
    public ImmutabilityPolicy withReadOnly(String... paths) {
        Set<String> more = new LinkedHashSet<>(readOnly);
        more.addAll(Set.of(paths));
        return new ImmutabilityPolicy(mutable, more);
    }

    /**
     * Refuses the first change from {@code current} to {@code requested}.
     *
     * @throws CloudErrorException {@code PropertyChangeNotAllowed} with the path of the property as target
     */
    @Override
    public void validate(ObjectNode requested, ObjectNode current) {
        compare("", requested, current);
    }

    private void compare(String path, JsonNode requested, JsonNode current) {
        if (!path.isEmpty()) {
            String pattern = INDEX.matcher(path).replaceAll("[*]");
            if (mutable.contains(pattern) || readOnly.contains(pattern)) {
                return;
            }
        }
        if (isAbsent(requested)) {
            return;
        }
        if (isAbsent(current)) {
            current = null;
        }
        if (requested.isObject()) {
            if (current != null && !current.isObject()) {
                throw changed(path);
            }
            for (Iterator<String> names = requested.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                compare(path.isEmpty() ? name : path + "." + name, requested.get(name), current == null ? null : current.get(name));
            }
        } else if (requested.isArray()) {
            if (current == null || !current.isArray() || current.size() != requested.size()) {
                throw changed(path);
            }
            for (int i = 0; i < requested.size(); i++) {
                compare(path + "[" + i + "]", requested.get(i), current.get(i));
            }
        } else if (current == null || !requested.equals(current)) {
            throw changed(path);
        }
    }

    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || (node.isTextual() && node.textValue().isEmpty());
    }

    private static CloudErrorException changed(String path) {
        return ValidationErrors.badRequest(CloudErrorCodes.PROPERTY_CHANGE_NOT_ALLOWED, path,
                "Changing property '%s' is not allowed.", path);
    }
}
