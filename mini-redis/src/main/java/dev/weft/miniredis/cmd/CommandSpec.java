package dev.weft.miniredis.cmd;

import java.util.Arrays;
import java.util.List;

/*
 * Implementation notes.
 *
 * What mini-redis knows about one command or subcommand, with the facts of Redis 7's command table
 * (src/commands/*.json): the arity (positive: exactly that many words, name included; negative: at
 * least that many), the flags, ACL categories, tips and key positions COMMAND INFO reports, the docs
 * COMMAND DOCS reports (redis-cli builds its help and hints from them), and the parser. A container
 * (CLIENT, CONFIG, COMMAND) has subcommands, named "container|sub" as Redis names them; its own parser,
 * if any, serves the bare form (COMMAND alone).
 */
record CommandSpec(String name, int arity, Parser parser, List<String> flags, List<String> aclCategories,
                   List<String> tips, KeySpec keys, Docs docs, List<CommandSpec> subcommands) {

    /** Makes a command from its words. Arity has been checked. */
    @FunctionalInterface
    interface Parser {
        Command parse(Arguments arguments);
    }

    /**
     * Where the keys are: from word 1 to {@code lastKey} (0: word 1 alone, -1: the last word) every
     * {@code keyStep} words, with Redis's key-spec flags (RO, RW, access, update...).
     */
    record KeySpec(List<String> flags, int lastKey, int keyStep) {

        int legacyLastKey() {
            return lastKey >= 0 ? 1 + lastKey : lastKey;
        }
    }

    /** COMMAND DOCS's fields. */
    record Docs(String summary, String since, String group, String complexity) {
    }

    /** True when {@code count} words, the name included, suit the arity. */
    boolean acceptsWordCount(int count) {
        return arity > 0 ? count == arity : count >= -arity;
    }

    /** The subcommand named {@code word} (ASCII case ignored), or null. */
    CommandSpec subcommand(byte[] word) {
        for (CommandSpec subcommand : subcommands) {
            if (NameIndex.matches(subcommand.name.substring(subcommand.name.indexOf('|') + 1), word)) {
                return subcommand;
            }
        }
        return null;
    }

    static Builder command(String name, int arity, Parser parser) {
        return new Builder(name, arity, parser);
    }

    /** Builds a spec; what is not set stays empty. */
    static final class Builder {
        private final String name;
        private final int arity;
        private final Parser parser;
        private List<String> flags = List.of();
        private List<String> aclCategories = List.of();
        private List<String> tips = List.of();
        private KeySpec keys;
        private List<CommandSpec> subcommands = List.of();

        private Builder(String name, int arity, Parser parser) {
            this.name = name;
            this.arity = arity;
            this.parser = parser;
        }

        /** COMMAND INFO's flags, space-separated: {@code "readonly fast"}. */
        Builder flags(String flags) {
            this.flags = words(flags);
            return this;
        }

        /** ACL categories, space-separated: {@code "@read @string @fast"}. */
        Builder acl(String categories) {
            this.aclCategories = words(categories);
            return this;
        }

        /** Tips, space-separated: {@code "nondeterministic_output"}. */
        Builder tips(String tips) {
            this.tips = words(tips);
            return this;
        }

        Builder keys(String flags, int lastKey, int keyStep) {
            this.keys = new KeySpec(words(flags), lastKey, keyStep);
            return this;
        }

        Builder subcommands(CommandSpec... subcommands) {
            this.subcommands = List.of(subcommands);
            return this;
        }

        CommandSpec docs(String summary, String since, String group, String complexity) {
            return new CommandSpec(name, arity, parser, flags, aclCategories, tips, keys,
                    new Docs(summary, since, group, complexity), subcommands);
        }

        private static List<String> words(String text) {
            return text.isEmpty() ? List.of() : Arrays.asList(text.split(" "));
        }
    }
}
