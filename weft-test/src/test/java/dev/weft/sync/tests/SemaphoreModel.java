package dev.weft.sync.tests;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The sequential specification of {@link SemaphoreLincheckTest}, written from the documented semantics
 * (Tokio's batch semaphore) rather than from the implementation: free permits, a FIFO queue of pending
 * requests that collect released permits oldest first (a head that needs more holds back the others),
 * abandoned requests giving back what they collected, and close failing every pending request.
 */
public class SemaphoreModel {

    private static final int MAX_THREADS = 8;

    /** A pending acquisition. */
    private static final class Request {
        final int requested;
        int assigned;

        Request(int requested, int assigned) {
            this.requested = requested;
            this.assigned = assigned;
        }

        int remaining() {
            return requested - assigned;
        }
    }

    private int free = 3;
    private boolean closed;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private final Request[] pending = new Request[MAX_THREADS];
    private final Map<Integer, ArrayDeque<Integer>> held = new HashMap<>();

    public String acquire(int thread, int count) {
        if (pending[thread] != null) {
            return "busy";
        }
        if (closed) {
            return "closed";
        }
        if (queue.isEmpty() && free >= count) {
            free -= count;
            heldBy(thread).add(count);
            return "acquired " + count;
        }
        Request request = new Request(count, free);
        free = 0;
        queue.addLast(request);
        pending[thread] = request;
        return "pending";
    }

    public String pollAgain(int thread) {
        Request request = pending[thread];
        if (request == null) {
            return "idle";
        }
        if (closed) {
            pending[thread] = null;
            giveBack(request.assigned);
            return "closed";
        }
        if (request.remaining() > 0) {
            return "pending";
        }
        pending[thread] = null;
        heldBy(thread).add(request.requested);
        return "acquired " + request.requested;
    }

    public String abandon(int thread) {
        Request request = pending[thread];
        if (request == null) {
            return "idle";
        }
        pending[thread] = null;
        queue.remove(request);
        giveBack(request.assigned);
        return "abandoned";
    }

    public String tryAcquire(int thread, int count) {
        if (closed) {
            return "closed";
        }
        if (free < count) {
            return "none";
        }
        free -= count;
        heldBy(thread).add(count);
        return "acquired";
    }

    public int release(int thread) {
        Integer count = heldBy(thread).poll();
        if (count == null) {
            return 0;
        }
        giveBack(count);
        return count;
    }

    public void addPermits(int count) {
        giveBack(count);
    }

    public int forgetPermits(int count) {
        int taken = Math.min(free, count);
        free -= taken;
        return taken;
    }

    public int availablePermits() {
        return free;
    }

    public void close() {
        closed = true;
        queue.clear();
    }

    private ArrayDeque<Integer> heldBy(int thread) {
        return held.computeIfAbsent(thread, id -> new ArrayDeque<>());
    }

    private void giveBack(int count) {
        int left = count;
        while (left > 0 && !queue.isEmpty()) {
            Request head = queue.peekFirst();
            int given = Math.min(left, head.remaining());
            head.assigned += given;
            left -= given;
            if (head.remaining() > 0) {
                return;
            }
            queue.pollFirst();
        }
        free += left;
    }
}
