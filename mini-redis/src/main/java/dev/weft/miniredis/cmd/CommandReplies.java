package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

import java.util.ArrayList;
import java.util.List;

/*
 * Implementation notes.
 *
 * The replies of COMMAND INFO and COMMAND DOCS for one spec, in Redis 7's RESP2 shapes (maps flattened
 * into arrays of key, value):
 *   info: [name, arity, [flags as simple strings], first key, last key, step,
 *          [ACL categories as simple strings], [tips], [key specs], [subcommand infos]]
 *   key spec: [flags, [...], begin_search, [type, index, spec, [index, 1]],
 *              find_keys, [type, range, spec, [lastkey, n, keystep, n, limit, 0]]]
 *   docs: [summary, s, since, s, group, s, complexity, s (, subcommands, [name, docs, ...])]
 * redis-cli reads the docs for its help and asserts these shapes.
 */
final class CommandReplies {

    private CommandReplies() {
    }

    static Frame info(CommandSpec spec) {
        List<Frame> subcommands = new ArrayList<>();
        spec.subcommands().forEach(subcommand -> subcommands.add(info(subcommand)));
        CommandSpec.KeySpec keys = spec.keys();
        return Frame.array(
                Frame.bulk(spec.name()),
                Frame.integer(spec.arity()),
                simpleStrings(spec.flags()),
                Frame.integer(keys == null ? 0 : 1),
                Frame.integer(keys == null ? 0 : keys.legacyLastKey()),
                Frame.integer(keys == null ? 0 : keys.keyStep()),
                simpleStrings(spec.aclCategories()),
                bulkStrings(spec.tips()),
                keys == null ? Frame.EMPTY_ARRAY : Frame.array(keySpec(keys)),
                new Frame.Array(subcommands));
    }

    static Frame docs(CommandSpec spec) {
        CommandSpec.Docs docs = spec.docs();
        List<Frame> fields = new ArrayList<>(List.of(
                Frame.bulk("summary"), Frame.bulk(docs.summary()),
                Frame.bulk("since"), Frame.bulk(docs.since()),
                Frame.bulk("group"), Frame.bulk(docs.group()),
                Frame.bulk("complexity"), Frame.bulk(docs.complexity())));
        if (!spec.subcommands().isEmpty()) {
            List<Frame> subcommands = new ArrayList<>();
            for (CommandSpec subcommand : spec.subcommands()) {
                subcommands.add(Frame.bulk(subcommand.name()));
                subcommands.add(docs(subcommand));
            }
            fields.add(Frame.bulk("subcommands"));
            fields.add(new Frame.Array(subcommands));
        }
        return new Frame.Array(fields);
    }

    private static Frame keySpec(CommandSpec.KeySpec keys) {
        return Frame.array(
                Frame.bulk("flags"), simpleStrings(keys.flags()),
                Frame.bulk("begin_search"), Frame.array(
                        Frame.bulk("type"), Frame.bulk("index"),
                        Frame.bulk("spec"), Frame.array(Frame.bulk("index"), Frame.integer(1))),
                Frame.bulk("find_keys"), Frame.array(
                        Frame.bulk("type"), Frame.bulk("range"),
                        Frame.bulk("spec"), Frame.array(
                                Frame.bulk("lastkey"), Frame.integer(keys.lastKey()),
                                Frame.bulk("keystep"), Frame.integer(keys.keyStep()),
                                Frame.bulk("limit"), Frame.integer(0))));
    }

    private static Frame simpleStrings(List<String> words) {
        return new Frame.Array(words.stream().<Frame>map(Frame::simple).toList());
    }

    private static Frame bulkStrings(List<String> words) {
        return new Frame.Array(words.stream().<Frame>map(Frame::bulk).toList());
    }
}
