package io.aro.rp.database;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A page of query results.
 *
 * @param items the documents of this page
 * @param continuation where the next page starts, or null when this is the last page
 */
public record Page(List<ObjectNode> items, String continuation) {
    public Page {
        items = List.copyOf(items);
    }
}
