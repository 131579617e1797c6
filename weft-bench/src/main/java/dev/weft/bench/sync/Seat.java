package dev.weft.bench.sync;

import dev.weft.bench.Contestant;
import dev.weft.bench.peer.Peer;
import dev.weft.bench.peer.PeerKind;

import java.util.ArrayList;
import java.util.List;

/**
 * A column of the primitives' table and the peer it runs on: a Weft flavour, or the JDK's virtual
 * threads with fair or non-fair primitives (both on the same JDK peer).
 *
 * @param contestant the column: a Weft {@link PeerKind} or a {@link JdkFairness}
 * @param peer       where the workload runs
 */
record Seat(Contestant contestant, Peer peer) {

    /** The columns, in report order. */
    static List<Contestant> columns() {
        List<Contestant> columns = new ArrayList<>(List.of(PeerKind.WEFT_CURRENT_THREAD, PeerKind.WEFT_MULTI_THREAD));
        columns.addAll(List.of(JdkFairness.values()));
        return columns;
    }

    /** The seats on {@code peers}, one open peer of each {@link PeerKind} in declaration order. */
    static List<Seat> on(List<Peer> peers) {
        List<Seat> seats = new ArrayList<>();
        for (Peer peer : peers) {
            if (peer.kind().isWeft()) {
                seats.add(new Seat(peer.kind(), peer));
            } else {
                for (JdkFairness fairness : JdkFairness.values()) {
                    seats.add(new Seat(fairness, peer));
                }
            }
        }
        return seats;
    }

    /** The JDK primitives' fairness on this seat; meaningless on Weft's seats. */
    boolean fair() {
        return contestant == JdkFairness.FAIR;
    }
}
