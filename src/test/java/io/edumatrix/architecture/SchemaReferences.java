package io.edumatrix.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a piece of SQL names a schema: {@code other.table} or {@code "other".table}, ignoring comments.
 * Unquoted identifiers match in any case, because PostgreSQL folds them to lower case.
 */
final class SchemaReferences {

    /** String literals are kept as they are; only comments are blanked, keeping line breaks so lines still count. */
    private static final Pattern LITERAL_OR_COMMENT = Pattern.compile("'(?:[^']|'')*'|/\\*.*?\\*/|--[^\\n]*", Pattern.DOTALL);

    private SchemaReferences() {}

    /** One reference: the 1-based line it is on and the text that names the schema. */
    record Reference(String schema, int line, String text) {

        @Override
        public String toString() {
            return "line " + line + " names schema " + schema + " (" + text + ")";
        }
    }

    static List<Reference> find(String sql, List<String> schemas) {
        var code = withoutComments(sql);
        var references = new ArrayList<Reference>();
        for (var schema : schemas) {
            var matcher = qualifiedBy(schema).matcher(code);
            while (matcher.find()) {
                int line = (int) code.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
                references.add(new Reference(schema, line, matcher.group()));
            }
        }
        return references;
    }

    static String withoutComments(String sql) {
        return LITERAL_OR_COMMENT.matcher(sql).replaceAll(match -> match.group().startsWith("'")
                ? Matcher.quoteReplacement(match.group())
                : match.group().replaceAll("[^\\n]", " "));
    }

    private static Pattern qualifiedBy(String schema) {
        var name = Pattern.quote(schema);
        return Pattern.compile("(?<![\\w$\"])(?i:" + name + ")\\s*\\.|\"" + name + "\"\\s*\\.");
    }
}
