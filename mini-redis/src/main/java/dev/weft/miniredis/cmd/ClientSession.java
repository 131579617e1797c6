package dev.weft.miniredis.cmd;

import java.util.Optional;

/**
 * The state of one connection that commands read and change: its id ({@code CLIENT ID}), its name
 * ({@code CLIENT SETNAME}, {@code HELLO ... SETNAME}), the library it says it is ({@code CLIENT SETINFO})
 * and its protocol version ({@code HELLO}).
 *
 * {@snippet :
 * ClientSession session = server.openSession();
 * ((ImmediateCommand) Commands.parse(Frame.command("CLIENT", "SETNAME", "worker-1"))).execute(
 *         new CommandContext(db, server, session));
 * Optional<String> name = session.name();   // worker-1
 * }
 *
 * <p>Not thread-safe: it belongs to the connection's task.
 */
public final class ClientSession {

    private final long id;
    private String name;
    private String libraryName;
    private String libraryVersion;
    private int protocol = 2;

    /** The state of a new connection numbered {@code id}. */
    public ClientSession(long id) {
        this.id = id;
    }

    /** The connection's id, unique for the server's lifetime. */
    public long id() {
        return id;
    }

    /** The name the client gave itself, if any. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The client library's name ({@code CLIENT SETINFO LIB-NAME}), if given. */
    public Optional<String> libraryName() {
        return Optional.ofNullable(libraryName);
    }

    /** The client library's version ({@code CLIENT SETINFO LIB-VER}), if given. */
    public Optional<String> libraryVersion() {
        return Optional.ofNullable(libraryVersion);
    }

    /** The RESP version in use: 2 (mini-redis speaks RESP2 only). */
    public int protocol() {
        return protocol;
    }

    void name(String name) {
        this.name = name;
    }

    void libraryName(String libraryName) {
        this.libraryName = libraryName;
    }

    void libraryVersion(String libraryVersion) {
        this.libraryVersion = libraryVersion;
    }

    void protocol(int protocol) {
        this.protocol = protocol;
    }
}
