package dev.weft.sync;

/**
 * 128 bytes of unused fields in front of a subclass's own fields (the JVM lays out superclass fields
 * first): the leading half of the class-hierarchy padding idiom of JCTools and Agrona, for the channel
 * state that producers and the consumer write on different cores.
 */
@SuppressWarnings("unused")
abstract class ChannelPadding {
    long p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15, p16;
}
