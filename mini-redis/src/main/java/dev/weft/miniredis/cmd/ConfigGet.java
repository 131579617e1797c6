package dev.weft.miniredis.cmd;

import dev.weft.miniredis.frame.Frame;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code CONFIG GET parameter [parameter ...]}: the matching configuration parameters and their values,
 * as a flat array of name, value pairs (RESP2's map). A parameter is a name (any case) or a glob pattern
 * ({@code maxmemory*}); each parameter is reported once. As in Redis, a name given exactly is reported as
 * the client spelled it. See {@link ServerInfo#configParameters()} for what is reported.
 *
 * @param parameters the names or patterns
 */
public record ConfigGet(List<String> parameters) implements ImmediateCommand {

    static ConfigGet parse(Arguments arguments) {
        List<String> parameters = new ArrayList<>();
        for (int i = 2; i < arguments.count(); i++) {
            parameters.add(arguments.text(i));
        }
        return new ConfigGet(parameters);
    }

    @Override
    public Frame execute(CommandContext context) {
        Map<String, String> values = context.server().configParameters();
        Map<String, String> reportedAs = new LinkedHashMap<>();
        for (String parameter : parameters) {
            if (parameter.chars().noneMatch(c -> c == '[' || c == '*' || c == '?')) {
                String name = parameter.toLowerCase(Locale.ROOT);
                if (values.containsKey(name)) {
                    reportedAs.putIfAbsent(name, parameter);
                }
            } else {
                for (String name : values.keySet()) {
                    if (GlobPattern.matches(parameter, name, true)) {
                        reportedAs.putIfAbsent(name, name);
                    }
                }
            }
        }
        List<Frame> reply = new ArrayList<>(reportedAs.size() * 2);
        reportedAs.forEach((name, spelled) -> {
            reply.add(Frame.bulk(spelled));
            reply.add(Frame.bulk(values.get(name)));
        });
        return new Frame.Array(reply);
    }
}
