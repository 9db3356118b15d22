package io.aro.rp.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many clients at once, each on its own thread: what they got back, in client order. */
public final class Concurrently {
    private Concurrently() {
    }

    /** One client's call; {@code i} numbers the client from 0. */
    public interface Call<T> {
        T send(int i) throws Exception;
    }

    public static <T> List<T> run(int clients, Call<T> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int n = i;
                futures.add(threads.submit((Callable<T>) () -> call.send(n)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
