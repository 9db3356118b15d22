package io.aro.rp.frontend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.Subscription;
import io.aro.rp.api.SubscriptionState;
import io.aro.rp.api.validate.ValidationErrors;
import io.aro.rp.database.DocumentConflictException;
import io.aro.rp.database.PreconditionRetry;
import io.aro.rp.database.SubscriptionDocument;
import io.aro.rp.database.Subscriptions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Optional;

/**
 * ARM's subscription lifecycle notifications ({@code PUT /subscriptions/{id}?api-version=2.0}): the RP
 * stores the state. Deleted marks the subscription for the backend, which deletes its clusters; a
 * subscription cannot leave Deleted.
 */
@Path("/subscriptions/{subscriptionId}")
public final class SubscriptionsResource {
    private final Subscriptions subscriptions;
    private final SubscriptionGate gate;
    private final RetryPolicy<Object> retry;

    SubscriptionsResource(Subscriptions subscriptions, SubscriptionGate gate, PreconditionRetry retry) {
        this.subscriptions = subscriptions;
        this.gate = gate;
        this.retry = retry.policy(DocumentConflictException.class);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("subscriptionId") String subscriptionId, JsonNode body) {
        Subscription subscription = read(body);
        SubscriptionDocument stored = Failsafe.with(retry).get(() -> {
            Optional<SubscriptionDocument> existing = subscriptions.get(subscriptionId);
            if (existing.isEmpty()) {
                SubscriptionDocument doc = new SubscriptionDocument();
                doc.setId(subscriptionId);
                doc.setSubscription(subscription);
                doc.setDeleting(subscription.getState() == SubscriptionState.DELETED);
                return subscriptions.create(doc);
            }
            return subscriptions.patch(subscriptionId, doc -> {
                SubscriptionState current = doc.getSubscription().getState();
                if (current == SubscriptionState.DELETED && subscription.getState() != SubscriptionState.DELETED) {
                    throw ValidationErrors.badRequest(CloudErrorCodes.INVALID_SUBSCRIPTION_STATE, "",
                            "Request is not allowed in subscription in state '%s'.", current);
                }
                doc.setSubscription(subscription);
                if (subscription.getState() == SubscriptionState.DELETED) {
                    doc.setDeleting(true);
                }
            });
        });
        gate.forget(subscriptionId);
        return Response.ok(FrontendJson.MAPPER.valueToTree(stored.getSubscription())).build();
    }

    private static Subscription read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ValidationErrors.badRequest(CloudErrorCodes.INVALID_REQUEST_CONTENT, "", "The request content must be a subscription object.");
        }
        String state = body.path("state").asText("");
        if (Arrays.stream(SubscriptionState.values()).noneMatch(s -> s.toString().equals(state))) {
            throw ValidationErrors.invalidParameter("state", "The provided subscription state '%s' is invalid.", state);
        }
        ObjectNode copy = body.deepCopy();
        JsonNode owner = copy.path("properties").path("accountOwner");
        if (owner.isObject()) {
            ((ObjectNode) owner).remove("email"); // personal data the RP does not need (ARO blanks it too)
        }
        try {
            return FrontendJson.MAPPER.treeToValue(copy, Subscription.class);
        } catch (JsonProcessingException e) {
            throw ValidationErrors.badRequest(CloudErrorCodes.INVALID_REQUEST_CONTENT, "", "The request content is not a valid subscription.");
        }
    }
}
