package dev.weft.miniredis.client;

import dev.weft.miniredis.frame.Frame;
import dev.weft.sync.Oneshot;

/**
 * A request queued for a {@link SharedClient}'s connection task: the command, and where its reply goes.
 *
 * @param command the request frame
 * @param reply   the requester's reply channel; closed without a value when the connection stops first
 */
record SharedRequest(Frame command, Oneshot.Sender<Frame> reply) {
}
