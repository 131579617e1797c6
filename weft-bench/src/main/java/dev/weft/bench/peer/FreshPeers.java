package dev.weft.bench.peer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Fresh peers for one workload: opened before it, closed after it, whatever happens in between. */
public final class FreshPeers {

    private FreshPeers() {
    }

    /** Opens one peer of each of {@code kinds}, in that order, applies {@code body} to them, and closes them. */
    public static <R> R use(List<PeerKind> kinds, Function<List<Peer>, R> body) {
        List<Peer> peers = new ArrayList<>();
        try {
            for (PeerKind kind : kinds) {
                peers.add(kind.open());
            }
            return body.apply(peers);
        } finally {
            peers.forEach(Peer::close);
        }
    }
}
