package io.aro.rp.database;

import java.util.List;

/**
 * A page of typed query results.
 *
 * @param items the documents of this page
 * @param continuation where the next page starts, or null on the last page
 */
public record ResultPage<D>(List<D> items, String continuation) {
    public ResultPage {
        items = List.copyOf(items);
    }
}
