package dev.weft.runtime.internal.scheduler;

/**
 * A small xorshift generator for scheduling choices (which worker to steal from first). Not
 * thread-safe: each worker owns one. Every instance of a runtime is seeded from the runtime's one seed,
 * so a seeded runtime makes the same choices in the same order.
 */
final class FastRandom {

    private int state;

    FastRandom(long seed) {
        int mixed = (int) (seed ^ (seed >>> 32));
        this.state = mixed == 0 ? 0x9E3779B9 : mixed;
    }

    /** Returns a value in {@code [0, bound)}; {@code bound} must be positive. */
    int nextInt(int bound) {
        int x = state;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        state = x;
        return (int) (((x & 0xFFFF_FFFFL) * bound) >>> 32);
    }
}
