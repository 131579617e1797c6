/**
 * Evented networking on Weft's I/O driver: TCP, UDP and Unix-domain sockets whose operations wait on
 * readiness, never inside a blocking system call, so cancelling a read neither loses bytes nor closes
 * the socket (Tokio's {@code tokio::net}).
 */
package dev.weft.net;
