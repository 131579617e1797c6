/**
 * {@code mini-redis-cli}, the command-line client ({@link dev.weft.miniredis.cli.CliMain}, run by
 * {@code bin/mini-redis-cli}): {@code ping}, {@code get}, {@code set} with {@code --expires},
 * {@code publish} and {@code subscribe}, against {@code --host} and {@code --port}.
 */
package dev.weft.miniredis.cli;
