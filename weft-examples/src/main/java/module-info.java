/** Small programs that show Weft. */
module dev.weft.examples {
    requires dev.weft.runtime;

    exports dev.weft.examples;
}
