/**
 * Framing of byte streams into messages (Tokio's {@code tokio_util::codec}): a
 * {@link dev.weft.codec.Decoder} turns buffered bytes into frames, an {@link dev.weft.codec.Encoder}
 * frames into bytes; {@link dev.weft.codec.FramedRead}, {@link dev.weft.codec.FramedWrite} and
 * {@link dev.weft.codec.Framed} put them over an {@link dev.weft.io.AsyncRead} and an
 * {@link dev.weft.io.AsyncWrite}. Two codecs come with it: {@link dev.weft.codec.LinesCodec} and
 * {@link dev.weft.codec.LengthDelimitedCodec}.
 *
 * <p>Malformed input is a {@link dev.weft.codec.CodecException}. A frame larger than its codec's maximum
 * is a {@link dev.weft.codec.FrameTooLongException} (a {@link dev.weft.io.LimitExceededException}),
 * decided before the frame is buffered or allocated, never an unbounded allocation.
 * {@code Framed.next()} is cancel-safe: a partial frame stays buffered.
 */
package dev.weft.codec;
