package io.aro.rp.frontend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aro.rp.api.ApiVersion;
import io.aro.rp.database.OpenShiftClusterDocument;
import io.aro.rp.database.OpenShiftClusters;

/**
 * Clusters as API versions show them, as JSON, by the ETag of the document they were made from: ARM and
 * clients poll a cluster's GET while it changes rarely, and the conversion (document, internal model, the
 * version's model, JSON) was most of a GET's own work. A new write gives a new ETag, so a view is never
 * stale; views are kept up to {@value #MAX_BYTES} bytes in all.
 */
final class ExternalViews {
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private record Key(String apiVersion, String id, String etag) {
    }

    /** Upkeep runs in the calling thread, not in the common pool (a thread wake-up costs more than the upkeep). */
    private final Cache<Key, byte[]> views = Caffeine.newBuilder().executor(Runnable::run).maximumWeight(MAX_BYTES)
            .weigher((Key key, byte[] json) -> json.length).build();

    /** The JSON of the stored cluster as {@code api} shows it (no secrets). */
    byte[] of(ApiVersion api, OpenShiftClusters.Stored stored) {
        if (stored.etag() == null) {
            return json(api, stored.document());
        }
        return views.get(new Key(api.name(), stored.id(), stored.etag()), key -> json(api, stored.document()));
    }

    private static byte[] json(ApiVersion api, OpenShiftClusterDocument doc) {
        try {
            return FrontendJson.MAPPER.writeValueAsBytes(api.toExternal(doc.getOpenShiftCluster()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cluster that does not serialize: " + e.getOriginalMessage(), e);
        }
    }
}
