package io.aro.rp.frontend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aro.rp.api.ApiVersion;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.external.ExternalJson;
import io.aro.rp.api.validate.ValidationErrors;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Resource;

/**
 * Serves the generated JAX-RS interfaces of every API version without a class per version: each method
 * of a version's interfaces becomes a route with the method's path, HTTP method and media types, which
 * reads the body into the version's generated model (so a version accepts exactly its own schema) and
 * hands the call to the operation's handler in {@link ApiOperations}.
 *
 * <p>The versions share their paths: one Jersey resource method serves a path and HTTP method in every
 * version, under {@code /api/{api-version}} (where {@link ArmRequestFilter} routes requests), and picks
 * the version's route when called. Jersey's start and its matching of each request grow with the
 * number of resource methods, which would otherwise grow with every version.
 */
final class GeneratedRoutes {
    private static final Set<Class<? extends Annotation>> PARAMETER_ANNOTATIONS = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class);
    /** The path parameter of the version in the generated interfaces' root, {@code /api/<version>}. */
    private static final String VERSION = "aroApiVersion";

    private GeneratedRoutes() {
    }

    /**
     * The Jersey resources of {@code versions}' routes.
     *
     * @throws IllegalStateException when a route has no handler (the RP would otherwise answer it with a 500), or when
     *     versions give one path and HTTP method different media types
     */
    static List<Resource> resources(List<ApiVersion> versions, ApiOperations operations) {
        // path -> HTTP method -> its media types and each version's route
        Map<String, Map<String, MethodRoutes>> routes = new LinkedHashMap<>();
        for (ApiVersion api : versions) {
            for (Class<?> interfaceClass : api.routes()) {
                String root = interfaceClass.getAnnotation(Path.class).value();
                String versionRoot = "/api/" + api.name();
                if (!root.equals(versionRoot) && !root.startsWith(versionRoot + "/")) {
                    throw new IllegalStateException(interfaceClass.getName() + " is not under " + versionRoot + ": " + root);
                }
                for (Method method : interfaceClass.getMethods()) {
                    String httpMethod = httpMethod(method);
                    if (httpMethod == null) {
                        continue;
                    }
                    Function<OperationCall, Response> handler = operations.handler(method.getName()).orElseThrow(() -> new IllegalStateException(
                            "no handler for " + interfaceClass.getSimpleName() + "." + method.getName() + " of API version " + api.name()));
                    Path path = method.getAnnotation(Path.class);
                    String route = root.substring(versionRoot.length()) + (path == null ? "" : path.value());
                    MediaTypes types = new MediaTypes(mediaTypes(method.getAnnotation(Consumes.class), interfaceClass.getAnnotation(Consumes.class)),
                            mediaTypes(method.getAnnotation(Produces.class), interfaceClass.getAnnotation(Produces.class)));
                    MethodRoutes shared = routes.computeIfAbsent(route, r -> new LinkedHashMap<>())
                            .computeIfAbsent(httpMethod, m -> new MethodRoutes(types, new HashMap<>()));
                    if (!shared.types().equals(types)) {
                        throw new IllegalStateException(httpMethod + " " + route + " has other media types in API version " + api.name());
                    }
                    shared.byVersion().put(api.name(), new VersionRoute(api, handler, bodyType(method)));
                }
            }
        }
        List<Resource> resources = new ArrayList<>();
        routes.forEach((route, byMethod) -> {
            Set<String> versionsWithPath = byMethod.values().stream().flatMap(m -> m.byVersion().keySet().stream())
                    .collect(Collectors.toUnmodifiableSet());
            Resource.Builder resource = Resource.builder("/api/{" + VERSION + "}" + route);
            byMethod.forEach((httpMethod, method) -> resource.addMethod(httpMethod)
                    .consumes(method.types().consumes().toArray(String[]::new))
                    .produces(method.types().produces().toArray(String[]::new))
                    .handledBy(new VersionInflector(Map.copyOf(method.byVersion()), versionsWithPath)));
            resources.add(resource.build());
        });
        return resources;
    }

    /** One path and HTTP method: the media types every version gives it, and each version's route. */
    private record MethodRoutes(MediaTypes types, Map<String, VersionRoute> byVersion) {
    }

    /** What a route consumes and produces: a list, not an array, so that two compare by their types. */
    private record MediaTypes(List<String> consumes, List<String> produces) {
        MediaTypes(String[] consumes, String[] produces) {
            this(List.of(consumes), List.of(produces));
        }
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod httpMethod = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (httpMethod != null) {
                return httpMethod.value();
            }
        }
        return null;
    }

    /** The type of the method's entity parameter (the one without a JAX-RS parameter annotation), or null. */
    private static Class<?> bodyType(Method method) {
        for (Parameter parameter : method.getParameters()) {
            if (Arrays.stream(parameter.getAnnotations()).noneMatch(a -> PARAMETER_ANNOTATIONS.contains(a.annotationType()))) {
                return parameter.getType();
            }
        }
        return null;
    }

    private static String[] mediaTypes(Object methodLevel, Object classLevel) {
        Object annotation = methodLevel != null ? methodLevel : classLevel;
        if (annotation instanceof Consumes consumes) {
            return consumes.value();
        }
        if (annotation instanceof Produces produces) {
            return produces.value();
        }
        return new String[0];
    }

    /**
     * Calls the route of the request's API version. A class, not a lambda: Jersey reads the request context
     * as the inflector's declared type argument, which a lambda loses. Not a record either: Jersey keeps
     * inflectors in hash sets, and a record's hash would walk every version's route.
     */
    private static final class VersionInflector implements Inflector<ContainerRequestContext, Response> {
        private final Map<String, VersionRoute> byVersion;
        /** The versions that have the path with some HTTP method: in another, the path does not exist. */
        private final Set<String> versions;

        VersionInflector(Map<String, VersionRoute> byVersion, Set<String> versions) {
            this.byVersion = byVersion;
            this.versions = versions;
        }

        @Override
        public Response apply(ContainerRequestContext context) {
            // the version ArmRequestFilter routed to /api/{version}: Jersey's map of path parameters is built anew per call
            String version = ArmRequest.of(context).apiVersion();
            VersionRoute route = byVersion.get(version);
            if (route != null) {
                return route.apply(context);
            }
            if (versions.contains(version)) {
                throw new NotAllowedException(Response.status(Response.Status.METHOD_NOT_ALLOWED).build());
            }
            throw new NotFoundException();
        }
    }

    /** Calls an operation's handler with the request's body read as its version's model. */
    private record VersionRoute(ApiVersion api, Function<OperationCall, Response> handler, Class<?> bodyType) {

        Response apply(ContainerRequestContext context) {
            return handler.apply(new OperationCall(api, context, bodyType == null ? null : body((ContainerRequest) context)));
        }

        /** The request body as the version's generated model reads it, as JSON; a missing body is refused. */
        private ObjectNode body(ContainerRequest request) {
            Object body = request.hasEntity() ? request.readEntity(bodyType) : null;
            if (body == null) {
                throw ValidationErrors.badRequest(CloudErrorCodes.INVALID_REQUEST_CONTENT, null,
                        "The request content was invalid and could not be deserialized: a body is required.");
            }
            return ExternalJson.tree(body);
        }
    }
}
