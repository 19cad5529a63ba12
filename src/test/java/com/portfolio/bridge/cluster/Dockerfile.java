package com.portfolio.bridge.cluster;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Dockerfile's text cut into instructions, the way Docker's parser does it: comment lines
 * dropped (also inside a continuation), a trailing backslash joining the next line.
 */
final class Dockerfile {

    /** One instruction: its keyword in upper case, the rest of it, and the line it starts on. */
    record Instruction(int line, String keyword, String arguments) {

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("Dockerfile line " + line + " (" + keyword + "): " + problem);
        }
    }

    private static final Pattern ESCAPE = Pattern.compile("#\\s*escape\\s*=.*", Pattern.CASE_INSENSITIVE);

    private Dockerfile() {
    }

    static List<Instruction> parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = null;
        int start = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#")) {
                // A parser directive changing the escape character would change how the rest reads.
                if (instructions.isEmpty() && current == null && ESCAPE.matcher(line).matches() && !line.endsWith("\\")) {
                    throw new IllegalArgumentException("Dockerfile line " + (i + 1) + ": only the escape character \\ is modelled");
                }
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
                start = i + 1;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                instructions.add(instruction(start, current.toString().strip()));
                current = null;
            }
        }
        if (current != null) {
            throw new IllegalArgumentException("Dockerfile line " + start + ": continuation runs past the end");
        }
        return instructions;
    }

    private static Instruction instruction(int line, String text) {
        String[] parts = text.split("\\s+", 2);
        return new Instruction(line, parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : "");
    }

    /** An exec-form argument (a JSON array of strings), or null when the text is not one. */
    static List<String> jsonArray(String text) {
        if (!text.startsWith("[")) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            List<String> words = new ArrayList<>();
            for (JsonValue value : reader.readArray()) {
                words.add(((JsonString) value).getString());
            }
            return words;
        } catch (JsonException | ClassCastException e) {
            return null;
        }
    }

    /** Whitespace-separated words; double or single quotes keep spaces, a backslash escapes one character. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            if (c == '\\' && i + 1 < text.length() && quote != '\'') {
                word.append(text.charAt(++i));
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else {
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed quote in: " + text);
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
