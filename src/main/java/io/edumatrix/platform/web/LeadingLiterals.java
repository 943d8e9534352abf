package io.edumatrix.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The literal segments a mapping's path patterns begin with ({@code api}, {@code courses} of
 * {@code /api/courses/{id}}), to refuse a request whose path begins otherwise without running the patterns. A pattern
 * matches a path element by element, and a literal segment only the path segment at its own place whose decoded value
 * (matrix variables removed) is the same text, so a path whose segments there differ cannot match. Only plain text
 * counts as a literal (letters, digits, {@code - . _ ~}); a segment with anything else (a variable, a wildcard, a
 * percent sign) ends the literals, and a pattern with none admits every path. {@link #admits} may admit a path that
 * its patterns then refuse, never the other way round.
 */
final class LeadingLiterals {

    private static final LeadingLiterals ANY = new LeadingLiterals(List.of());

    /** Per pattern, its leading literal segments; an empty array admits every path. */
    private final List<String[]> patterns;

    private LeadingLiterals(List<String[]> patterns) {
        this.patterns = patterns;
    }

    /** Admits every path. */
    static LeadingLiterals none() {
        return ANY;
    }

    /** Only for case-sensitive patterns: a case-insensitive one compares segments differently. */
    static LeadingLiterals of(Collection<PathPattern> patterns) {
        var literals = new ArrayList<String[]>(patterns.size());
        for (var pattern : patterns) {
            var leading = leading(pattern.getPatternString());
            if (leading.length == 0) {
                return ANY;
            }
            literals.add(leading);
        }
        return literals.isEmpty() ? ANY : new LeadingLiterals(List.copyOf(literals));
    }

    /**
     * Per pattern, the literal segments it begins with; empty if the mapping admits every path (a pattern that begins
     * with no literal, or a case-insensitive parser).
     */
    List<List<String>> prefixes() {
        return patterns.stream().map(List::of).toList();
    }

    /** False only if no pattern can match {@code path}. */
    boolean admits(PathContainer path) {
        if (patterns.isEmpty()) {
            return true;
        }
        var elements = path.elements();
        for (var literals : patterns) {
            if (begins(elements, literals)) {
                return true;
            }
        }
        return false;
    }

    /** A separator, then the literal, for each literal in turn: as the pattern's own elements consume the path. */
    private static boolean begins(List<PathContainer.Element> elements, String[] literals) {
        if (elements.size() < 2 * literals.length) {
            return false;
        }
        for (int i = 0; i < literals.length; i++) {
            if (!(elements.get(2 * i) instanceof PathContainer.Separator)
                    || !(elements.get(2 * i + 1) instanceof PathContainer.PathSegment segment)
                    || !segment.valueToMatch().equals(literals[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] leading(String pattern) {
        if (!pattern.startsWith("/")) {
            return new String[0];
        }
        var literals = new ArrayList<String>();
        for (var segment : pattern.substring(1).split("/", -1)) {
            if (!plain(segment)) {
                break;
            }
            literals.add(segment);
        }
        return literals.toArray(String[]::new);
    }

    private static boolean plain(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && c != '-' && c != '.' && c != '_' && c != '~') {
                return false;
            }
        }
        return true;
    }
}
