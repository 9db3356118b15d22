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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.glassfish.jersey.process.Inflector;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.model.Resource;

/**
 * Serves the generated JAX-RS interfaces of every API version without a class per version: each method
 * of a version's interfaces becomes a Jersey resource method with the method's path, HTTP method and
 * media types, which reads the body into the version's generated model (so a version accepts exactly its
 * own schema) and hands the call to the operation's handler in {@link ApiOperations}.
 */
final class GeneratedRoutes {
    private static final Set<Class<? extends Annotation>> PARAMETER_ANNOTATIONS = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class);

    private GeneratedRoutes() {
    }

    /**
     * The Jersey resources of {@code versions}' routes.
     *
     * @throws IllegalStateException when a route has no handler: the RP would otherwise answer it with a 500
     */
    static List<Resource> resources(List<ApiVersion> versions, ApiOperations operations) {
        Map<String, Resource.Builder> byPath = new LinkedHashMap<>();
        for (ApiVersion api : versions) {
            for (Class<?> routes : api.routes()) {
                String root = routes.getAnnotation(Path.class).value();
                for (Method method : routes.getMethods()) {
                    String httpMethod = httpMethod(method);
                    if (httpMethod == null) {
                        continue;
                    }
                    Function<OperationCall, Response> handler = operations.handler(method.getName()).orElseThrow(() -> new IllegalStateException(
                            "no handler for " + routes.getSimpleName() + "." + method.getName() + " of API version " + api.name()));
                    Path path = method.getAnnotation(Path.class);
                    Resource.Builder resource = byPath.computeIfAbsent(root + (path == null ? "" : path.value()), Resource::builder);
                    Class<?> bodyType = bodyType(method);
                    resource.addMethod(httpMethod)
                            .consumes(mediaTypes(method.getAnnotation(Consumes.class), routes.getAnnotation(Consumes.class)))
                            .produces(mediaTypes(method.getAnnotation(Produces.class), routes.getAnnotation(Produces.class)))
                            .handledBy(new OperationInflector(api, handler, bodyType));
                }
            }
        }
        List<Resource> resources = new ArrayList<>();
        byPath.values().forEach(builder -> resources.add(builder.build()));
        return resources;
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
     * Calls an operation's handler. A class, not a lambda: Jersey reads the request context as the
     * inflector's declared type argument, which a lambda loses.
     */
    private record OperationInflector(ApiVersion api, Function<OperationCall, Response> handler, Class<?> bodyType)
            implements Inflector<ContainerRequestContext, Response> {

        @Override
        public Response apply(ContainerRequestContext context) {
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
