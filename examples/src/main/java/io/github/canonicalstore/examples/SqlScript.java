package io.github.canonicalstore.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements of the Chinook PostgreSQL script, made portable to H2's PostgreSQL mode: without the
 * database-level lines ({@code DROP DATABASE}, {@code CREATE DATABASE}, {@code \c}) and with the date literals
 * {@code '1962/2/18'} rewritten to ISO {@code '1962-02-18'}, which both databases accept.
 */
public final class SqlScript {
    /** Where the unchanged script is on the class path. */
    public static final String RESOURCE = "/chinook/Chinook_PostgreSql.sql";

    private static final Pattern SLASH_DATE = Pattern.compile("'(\\d{4})/(\\d{1,2})/(\\d{1,2})'");

    private SqlScript() {
    }

    /**
     * Reads the Chinook script from the class path.
     *
     * @return its statements, in order, without the terminating semicolons
     */
    public static List<String> chinook() {
        try (InputStream in = SqlScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return statements(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Splits a script into statements at semicolons outside string literals and comments, drops comments,
     * psql meta-commands and database-level statements, and rewrites slash dates.
     *
     * @param script the script text
     * @return the statements to run
     */
    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String text = script.replace("\r\n", "\n");
        int i = 0;
        boolean lineStart = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (lineStart && c == '\\') {
                i = endOfLine(text, i); // psql meta-command such as \c chinook;
            } else if (c == '-' && text.startsWith("--", i)) {
                i = endOfLine(text, i);
            } else if (c == '/' && text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (c == '\'') {
                int end = endOfString(text, i);
                current.append(text, i, end);
                i = end;
            } else if (c == ';') {
                add(statements, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
            lineStart = i > 0 && i <= text.length() && text.charAt(i - 1) == '\n';
        }
        add(statements, current);
        return statements;
    }

    private static int endOfLine(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    /** The index after the literal that starts at {@code from}; {@code ''} inside it is an escaped quote. */
    private static int endOfString(String text, int from) {
        int i = from + 1;
        while (i < text.length()) {
            if (text.charAt(i) == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw new IllegalArgumentException("unterminated string literal at offset " + from);
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        current.setLength(0);
        if (statement.isEmpty()) {
            return;
        }
        String upper = statement.toUpperCase(Locale.ROOT);
        if (upper.startsWith("DROP DATABASE") || upper.startsWith("CREATE DATABASE")) {
            return;
        }
        statements.add(isoDates(statement));
    }

    private static String isoDates(String statement) {
        Matcher m = SLASH_DATE.matcher(statement);
        StringBuilder out = new StringBuilder(statement.length());
        while (m.find()) {
            String iso = String.format(Locale.ROOT, "'%s-%02d-%02d'",
                    m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            m.appendReplacement(out, iso);
        }
        m.appendTail(out);
        return out.toString();
    }
}
