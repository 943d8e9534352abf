package io.edumatrix.platform.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * The handler mappings as a tree of the literal segments their patterns begin with ({@link LeadingLiterals}): a path
 * walks down it segment by segment and collects the mappings it passes, which are exactly those
 * {@link LeadingLiterals#admits} admits. A path with a variable ({@code /api/courses/{id}}) is then matched against the
 * few mappings of its own resource instead of every mapping of the application.
 */
final class MappingsByLiterals {

    /** A mapping and the handler method it is registered for. */
    record Candidate(RequestMappingInfo mapping, HandlerMethod handler) {}

    private static final class Node {
        private final Map<String, Node> children = new HashMap<>();
        private final List<Candidate> here = new ArrayList<>();
    }

    private final Node root = new Node();

    /** Immutable once built: it is read by every request thread without a lock. */
    MappingsByLiterals(Map<RequestMappingInfo, HandlerMethod> handlers,
            Function<RequestMappingInfo, LeadingLiterals> literals) {
        handlers.forEach((mapping, handler) -> {
            var candidate = new Candidate(mapping, handler);
            var prefixes = literals.apply(mapping).prefixes();
            if (prefixes.isEmpty()) {
                root.here.add(candidate);
            }
            for (var prefix : prefixes) {
                var node = root;
                for (var literal : prefix) {
                    node = node.children.computeIfAbsent(literal, any -> new Node());
                }
                if (!holds(node.here, candidate)) {
                    node.here.add(candidate);
                }
            }
        });
    }

    /** Every mapping whose leading literals {@code path} begins with, each once. */
    List<Candidate> candidates(PathContainer path) {
        var found = new ArrayList<Candidate>(root.here);
        var elements = path.elements();
        var node = root;
        for (int i = 0; i + 1 < elements.size(); i += 2) {
            if (!(elements.get(i) instanceof PathContainer.Separator)
                    || !(elements.get(i + 1) instanceof PathContainer.PathSegment segment)) {
                break;
            }
            node = node.children.get(segment.valueToMatch());
            if (node == null) {
                break;
            }
            for (var candidate : node.here) {
                if (!holds(found, candidate)) {
                    found.add(candidate);
                }
            }
        }
        return found;
    }

    /** By identity: a mapping with several patterns may sit at several nodes of a path. */
    private static boolean holds(List<Candidate> candidates, Candidate candidate) {
        for (var held : candidates) {
            if (held.mapping() == candidate.mapping()) {
                return true;
            }
        }
        return false;
    }
}
