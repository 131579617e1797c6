/**
 * RESP2, the Redis wire protocol: the {@link dev.weft.miniredis.frame.Frame} model, the two-phase
 * parsers ({@link dev.weft.miniredis.frame.RequestParser} for what clients send, inline commands included,
 * {@link dev.weft.miniredis.frame.FrameParser} for replies), their {@link dev.weft.miniredis.frame.ProtocolLimits}
 * and {@link dev.weft.miniredis.frame.ProtocolException}, and the {@link dev.weft.miniredis.frame.FrameEncoder}.
 */
package dev.weft.miniredis.frame;
