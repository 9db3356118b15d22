package io.aro.rp.frontend;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aro.rp.api.CloudErrorCodes;
import io.aro.rp.api.SubscriptionState;
import io.aro.rp.api.validate.ValidationErrors;
import io.aro.rp.database.SubscriptionDocument;
import io.aro.rp.database.Subscriptions;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which requests a subscription's state allows (ARO's validateSubscriptionState): writes and
 * credentials need Registered; reads and DELETE also work while Warned or Suspended. The state is
 * cached for a few seconds, so that a GET costs one point read of the cluster; ARM itself stops writes
 * to suspended subscriptions, so a notification seen a few seconds late is harmless.
 */
final class SubscriptionGate {
    static final Set<SubscriptionState> WRITE = Set.of(SubscriptionState.REGISTERED);
    static final Set<SubscriptionState> READ = Set.of(SubscriptionState.REGISTERED, SubscriptionState.WARNED, SubscriptionState.SUSPENDED);

    private final Subscriptions subscriptions;
    /** Upkeep runs in the calling thread, not in the common pool (a thread wake-up costs more than the upkeep). */
    private final Cache<String, Optional<SubscriptionDocument>> cache;

    SubscriptionGate(Subscriptions subscriptions, Duration cacheTtl) {
        this.subscriptions = subscriptions;
        this.cache = Caffeine.newBuilder().executor(Runnable::run).expireAfterWrite(cacheTtl).maximumSize(100_000).build();
    }

    /**
     * The subscription, when its state is one of {@code allowed}.
     *
     * @throws io.aro.rp.api.CloudErrorException 400 {@code InvalidSubscriptionState} otherwise
     */
    SubscriptionDocument require(String subscriptionId, Set<SubscriptionState> allowed) {
        String id = subscriptionId.toLowerCase(Locale.ROOT);
        Optional<SubscriptionDocument> doc = cache.get(id, subscriptions::get);
        SubscriptionState state = doc.map(d -> d.getSubscription().getState()).orElse(null);
        if (state == null || state == SubscriptionState.UNREGISTERED) {
            throw ValidationErrors.badRequest(CloudErrorCodes.INVALID_SUBSCRIPTION_STATE, "",
                    "Request is not allowed in unregistered subscription '%s'.", subscriptionId);
        }
        if (!allowed.contains(state)) {
            throw ValidationErrors.badRequest(CloudErrorCodes.INVALID_SUBSCRIPTION_STATE, "",
                    "Request is not allowed in subscription in state '%s'.", state);
        }
        return doc.get();
    }

    /** Drops this frontend's cached state after ARM changed it through this frontend. */
    void forget(String subscriptionId) {
        cache.invalidate(subscriptionId.toLowerCase(Locale.ROOT));
    }
}
