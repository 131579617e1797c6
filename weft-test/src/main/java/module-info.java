/** JUnit 5 support for testing code that runs on Weft. */
module dev.weft.test {
    requires transitive dev.weft.runtime;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;

    exports dev.weft.test;
}
