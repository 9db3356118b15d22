package io.aro.rp.frontend;

import static io.aro.rp.api.validate.ValidationErrors.badRequest;

import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.ResourceNames;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A request path as ARM sends it, checked the way ARO's Validate middleware checks it and spelt
 * canonically. ARM and the SDKs send the fixed segments in any case ({@code resourcegroups}) and
 * sometimes with {@code //}; the canonical path has the spelling of the routes, the caller's casing of
 * names, and no empty segments.
 */
public final class ArmPath {
    /** What kind of route a path is. */
    public enum Kind {
        /** {@code /healthz...}: no api-version. */
        HEALTH,
        /** {@code /subscriptions/{id}}: ARM's subscription lifecycle notifications, api-version 2.0. */
        SUBSCRIPTION,
        /** {@code /providers/Microsoft.RedHatOpenShift/operations}. */
        OPERATIONS,
        /** A route of the RP's API that needs one of its api-versions. */
        API,
        /** {@code /admin/...}: the admin API, api-version {@code admin}. */
        ADMIN,
        /** Anything else: not a route (404). */
        OTHER
    }

    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern NAME = Pattern.compile("^[-a-z0-9_().]{0,89}[-a-z0-9_()]$", Pattern.CASE_INSENSITIVE);

    private final Kind kind;
    private final String canonical;

    private ArmPath(Kind kind, String canonical) {
        this.kind = kind;
        this.canonical = canonical;
    }

    public Kind kind() {
        return kind;
    }

    /** The path as the routes spell it, still percent-encoded. */
    public String canonical() {
        return canonical;
    }

    /**
     * Parses {@code rawPath} (percent-encoded) for the RP in {@code location}.
     *
     * @throws io.aro.rp.api.CloudErrorException a 400 for a malformed subscription, resource group, name,
     *     operation ID, or a foreign namespace, type or location
     */
    public static ArmPath parse(String rawPath, String location) {
        List<String> raw = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                raw.add(segment);
            }
        }
        Segments s = new Segments(raw);
        if (s.is(0, "admin")) {
            return admin(raw, location);
        }
        if (s.is(0, "healthz")) {
            return new ArmPath(Kind.HEALTH, "/" + String.join("/", lower(raw)));
        }
        if (s.is(0, "providers") && s.size() == 3 && s.is(2, "operations")) {
            namespace(s.decoded(1));
            return new ArmPath(Kind.OPERATIONS, "/providers/" + ResourceNames.RESOURCE_PROVIDER_NAMESPACE + "/operations");
        }
        if (!s.is(0, "subscriptions") || s.size() < 2) {
            return new ArmPath(Kind.OTHER, "/" + String.join("/", raw));
        }
        String subscriptionId = s.decoded(1);
        if (!UUID.matcher(subscriptionId).matches()) {
            throw badRequest(CloudErrorCodes.INVALID_SUBSCRIPTION_ID, "",
                    "The provided subscription identifier '%s' is malformed or invalid.", subscriptionId);
        }
        StringBuilder path = new StringBuilder("/subscriptions/").append(s.raw(1));
        if (s.size() == 2) {
            return new ArmPath(Kind.SUBSCRIPTION, path.toString());
        }
        int i = 2;
        String resourceGroup = null;
        if (s.is(i, "resourcegroups") && s.size() > i + 1) {
            resourceGroup = s.decoded(i + 1);
            if (!NAME.matcher(resourceGroup).matches()) {
                throw badRequest(CloudErrorCodes.RESOURCE_GROUP_NOT_FOUND, "", "Resource group '%s' could not be found.", resourceGroup);
            }
            path.append("/resourceGroups/").append(s.raw(i + 1));
            i += 2;
        }
        if (!s.is(i, "providers") || s.size() < i + 3) {
            return new ArmPath(Kind.OTHER, "/" + String.join("/", raw));
        }
        namespace(s.decoded(i + 1));
        path.append("/providers/").append(ResourceNames.RESOURCE_PROVIDER_NAMESPACE);
        i += 2;
        if (resourceGroup == null && s.is(i, "locations")) {
            return locationRoute(s, i, path, location);
        }
        String type = s.decoded(i);
        if (!type.equalsIgnoreCase(ResourceNames.RESOURCE_TYPE_NAME)) {
            throw badRequest(CloudErrorCodes.INVALID_RESOURCE_TYPE, "", "The resource type '%s' could not be found in the namespace '%s'.",
                    type, ResourceNames.RESOURCE_PROVIDER_NAMESPACE);
        }
        path.append('/').append(ResourceNames.RESOURCE_TYPE_NAME);
        i++;
        if (s.size() > i) {
            String name = s.decoded(i);
            if (resourceGroup == null) {
                return new ArmPath(Kind.OTHER, "/" + String.join("/", raw));
            }
            if (!NAME.matcher(name).matches()) {
                throw badRequest(CloudErrorCodes.RESOURCE_NOT_FOUND, "", "The Resource '%s/%s' under resource group '%s' was not found.",
                        ResourceNames.RESOURCE_TYPE, name, resourceGroup);
            }
            path.append('/').append(s.raw(i));
            i++;
        }
        if (s.size() == i + 1) {
            path.append('/').append(canonicalAction(s.raw(i)));
        } else if (s.size() > i + 1) {
            return new ArmPath(Kind.OTHER, "/" + String.join("/", raw));
        }
        return new ArmPath(Kind.API, path.toString());
    }

    /**
     * An admin route: {@code /admin/versions[/<version>]}, {@code /admin/platformWorkloadIdentityRoleSets[/<minor>]},
     * {@code /admin/providers/<namespace>/<type>} (every cluster), or
     * {@code /admin} before a cluster's path, with an optional action (spelt in lower case, as ARO's).
     */
    private static ArmPath admin(List<String> raw, String location) {
        Segments s = new Segments(raw);
        for (String collection : List.of("versions", "platformWorkloadIdentityRoleSets")) {
            if (s.size() == 2 && s.is(1, collection)) {
                return new ArmPath(Kind.ADMIN, "/admin/" + collection);
            }
            if (s.size() == 3 && s.is(1, collection)) {
                return new ArmPath(Kind.ADMIN, "/admin/" + collection + "/" + s.raw(2));
            }
        }
        if (s.size() == 4 && s.is(1, "providers")) {
            namespace(s.decoded(2));
            if (!s.decoded(3).equalsIgnoreCase(ResourceNames.RESOURCE_TYPE_NAME)) {
                throw badRequest(CloudErrorCodes.INVALID_RESOURCE_TYPE, "", "The resource type '%s' could not be found in the namespace '%s'.",
                        s.decoded(3), ResourceNames.RESOURCE_PROVIDER_NAMESPACE);
            }
            return new ArmPath(Kind.ADMIN, "/admin/providers/" + ResourceNames.RESOURCE_PROVIDER_NAMESPACE + "/" + ResourceNames.RESOURCE_TYPE_NAME);
        }
        ArmPath cluster = parse("/" + String.join("/", raw.subList(1, raw.size())), location);
        if (cluster.kind != Kind.API || !cluster.canonical.contains("/resourceGroups/")) {
            return new ArmPath(Kind.OTHER, "/" + String.join("/", raw));
        }
        String canonical = cluster.canonical;
        String[] segments = canonical.split("/");
        // /subscriptions/{s}/resourceGroups/{g}/providers/{ns}/{type}/{name}[/{action}]
        if (segments.length == 10) {
            canonical = canonical.substring(0, canonical.lastIndexOf('/') + 1) + segments[9].toLowerCase(Locale.ROOT);
        }
        return new ArmPath(Kind.ADMIN, "/admin" + canonical);
    }

    private static ArmPath locationRoute(Segments s, int i, StringBuilder path, String location) {
        String given = s.decoded(i + 1);
        if (!given.replace(" ", "").equalsIgnoreCase(location)) {
            throw badRequest(CloudErrorCodes.INVALID_LOCATION, "", "The provided location '%s' is invalid.", given);
        }
        path.append("/locations/").append(s.raw(i + 1));
        i += 2;
        if (s.is(i, "openshiftversions") && s.size() <= i + 2) {
            path.append("/openShiftVersions");
            return new ArmPath(Kind.API, (s.size() == i + 2 ? path.append('/').append(s.raw(i + 1)) : path).toString());
        }
        if (s.is(i, "platformworkloadidentityrolesets") && s.size() <= i + 2) {
            path.append("/platformWorkloadIdentityRoleSets");
            return new ArmPath(Kind.API, (s.size() == i + 2 ? path.append('/').append(s.raw(i + 1)) : path).toString());
        }
        if (s.size() == i + 2 && (s.is(i, "operationsstatus") || s.is(i, "operationresults"))) {
            String operationId = s.decoded(i + 1);
            if (!UUID.matcher(operationId).matches()) {
                throw badRequest(CloudErrorCodes.INVALID_OPERATION_ID, "", "The provided operation ID '%s' is invalid.", operationId);
            }
            return new ArmPath(Kind.API, path.append('/').append(s.raw(i).toLowerCase(Locale.ROOT)).append('/').append(s.raw(i + 1)).toString());
        }
        return new ArmPath(Kind.OTHER, path.toString());
    }

    private static void namespace(String namespace) {
        if (!namespace.equalsIgnoreCase(ResourceNames.RESOURCE_PROVIDER_NAMESPACE)) {
            throw badRequest(CloudErrorCodes.INVALID_RESOURCE_NAMESPACE, "", "The resource namespace '%s' is invalid.", namespace);
        }
    }

    private static String canonicalAction(String action) {
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "listcredentials" -> "listCredentials";
            case "listadmincredentials" -> "listAdminCredentials";
            default -> action;
        };
    }

    private static List<String> lower(List<String> segments) {
        return segments.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    /** The segments of a path, raw (percent-encoded) and decoded. */
    private record Segments(List<String> raw) {
        int size() {
            return raw.size();
        }

        boolean is(int i, String fixed) {
            return i < raw.size() && raw.get(i).equalsIgnoreCase(fixed);
        }

        String raw(int i) {
            return raw.get(i);
        }

        String decoded(int i) {
            return URLDecoder.decode(raw.get(i).replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }
}
