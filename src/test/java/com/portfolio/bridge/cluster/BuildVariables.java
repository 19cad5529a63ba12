package com.portfolio.bridge.cluster;

import com.portfolio.bridge.cluster.Dockerfile.Instruction;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ARG defaults and ENV values as a Dockerfile's $NAME / ${NAME} see them; other forms fail. */
final class BuildVariables {

    private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([^}]*)}|([A-Za-z_][A-Za-z0-9_]*))");

    private final Map<String, String> args = new HashMap<>();
    private final Map<String, String> env;

    /** {@code env}: the image's ENV so far, which wins over an ARG of the same name. */
    BuildVariables(Map<String, String> env) {
        this.env = env;
    }

    void arg(Instruction in) {
        for (String arg : Dockerfile.words(in.arguments())) {
            String[] pair = arg.split("=", 2);
            args.put(pair[0], pair.length > 1 ? substitute(in, pair[1]) : null);
        }
    }

    String substitute(Instruction in, String text) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1) != null ? variable.group(1) : variable.group(2);
            String value = env.containsKey(name) ? env.get(name) : args.get(name);
            if (value == null) {
                throw in.error(variable.group() + " has no value here (or uses a form not modelled)");
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return variable.appendTail(out).toString();
    }
}
