package io.aro.rp.frontend.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code x-ms-request-id} of each request: a version 4 UUID, as ARM expects. Unique, never secret, so drawn from
 * {@link ThreadLocalRandom}: {@link UUID#randomUUID()} reads the shared SecureRandom under its lock, 2 % of a GET.
 */
public final class RequestIds {
    private RequestIds() {
    }

    /** A new request id. */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long version4 = (random.nextLong() & ~0xF000L) | 0x4000L;
        long ietfVariant = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(version4, ietfVariant).toString();
    }
}
