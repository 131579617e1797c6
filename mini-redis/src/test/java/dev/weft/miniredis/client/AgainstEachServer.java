package dev.weft.miniredis.client;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The base of the test classes that run against a real server: each subclass runs once per
 * {@link ServerTarget}, with one server started for the whole run of the class, in {@link #server}.
 */
@ParameterizedClass
@EnumSource(ServerTarget.class)
@Timeout(120)
public abstract class AgainstEachServer {

    /** The server of the current run of the class. */
    protected static TestServer server;

    /** Which kind of server this run is against. */
    @Parameter
    protected ServerTarget target;

    @BeforeParameterizedClassInvocation
    static void startServer(ServerTarget target) {
        server = target.start();
    }

    /**
     * Starts every test on a quiet server: the connections of the previous test are gone. (Redis handles a
     * client's close before the next client's commands in practice; mini-redis serves connections in
     * parallel, so a test that closed a subscriber could otherwise still see it counted by PUBLISH.)
     */
    @BeforeEach
    void awaitPreviousConnectionsClosed() throws InterruptedException {
        while (RawConnection.connectedClients(server.address()) != 1) {
            Thread.sleep(5);
        }
    }

    @AfterParameterizedClassInvocation
    static void stopServer() {
        server.close();
    }
}
