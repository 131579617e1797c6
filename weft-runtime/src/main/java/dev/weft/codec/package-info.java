/**
 * Framing of byte streams into messages: {@link dev.weft.codec.Decoder}, {@link dev.weft.codec.Encoder},
 * {@code Framed} and the line and length-delimited codecs (Tokio's {@code tokio_util::codec}). A frame
 * larger than its codec's maximum is a clear error, never an unbounded allocation.
 */
package dev.weft.codec;
