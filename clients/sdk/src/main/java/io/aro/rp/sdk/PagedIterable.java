package io.aro.rp.sdk;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a list operation across its pages, each page fetched when iteration reaches it by
 * following the previous page's {@code nextLink}.
 *
 * @param <T> the item type
 */
public final class PagedIterable<T> implements Iterable<T> {
    private final Supplier<Page<T>> first;
    private final Function<String, Page<T>> next;

    PagedIterable(Supplier<Page<T>> first, Function<String, Page<T>> next) {
        this.first = first;
        this.next = next;
    }

    /** One page of a list: its items and the link to the next, or null on the last page. */
    public record Page<T>(List<T> items, String nextLink) {
        public Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** The pages, each fetched when iteration reaches it. */
    public Iterable<Page<T>> byPage() {
        return () -> new Iterator<>() {
            private Page<T> current;
            private boolean started;

            @Override
            public boolean hasNext() {
                return !started || (current.nextLink() != null && !current.nextLink().isEmpty());
            }

            @Override
            public Page<T> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                current = started ? next.apply(current.nextLink()) : first.get();
                started = true;
                return current;
            }
        };
    }

    @Override
    public Iterator<T> iterator() {
        return stream().iterator();
    }

    public Stream<T> stream() {
        return StreamSupport.stream(byPage().spliterator(), false).flatMap(page -> page.items().stream());
    }
}
