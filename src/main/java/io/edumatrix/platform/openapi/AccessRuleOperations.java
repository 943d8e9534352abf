package io.edumatrix.platform.openapi;

import io.edumatrix.platform.domain.ProblemType.Category;
import io.edumatrix.platform.domain.ProblemType;
import io.edumatrix.platform.security.AccessRules;
import io.edumatrix.platform.security.Anonymous;
import io.edumatrix.platform.security.Authenticated;
import io.edumatrix.platform.web.ProblemStatus;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * States on every operation, in every group, who may call it and what problems it may answer: {@code x-access-rule}
 * (the rule of its access annotation, as the README's endpoint table names it, also the first line of its
 * description), the bearer token unless anonymous, and {@code x-problem-types} with one {@code application/problem+json}
 * response per status: the platform's problem types every endpoint may meet (401 and 403 only where the rule asks for
 * a token or a role) and those its module declares.
 */
final class AccessRuleOperations implements GlobalOperationCustomizer {

    static final String ACCESS_RULE = "x-access-rule";
    static final String PROBLEM_TYPES = "x-problem-types";

    private static final String PLATFORM = "io.edumatrix.platform";

    /** RFC 9457's members, as the platform's problems carry them. */
    @SuppressWarnings("rawtypes")
    private static final Schema PROBLEM = new ObjectSchema()
            .addProperty("type", new Schema<String>().type("string").format("uri"))
            .addProperty("title", new Schema<String>().type("string"))
            .addProperty("status", new Schema<Integer>().type("integer"))
            .addProperty("detail", new Schema<String>().type("string"))
            .addProperty("instance", new Schema<String>().type("string").format("uri"));

    private final ProblemTypes problemTypes;

    AccessRuleOperations(ProblemTypes problemTypes) {
        this.problemTypes = problemTypes;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        var rules = AccessRules.of(handler.getMethod());
        var rule = rules.size() == 1 ? AccessRules.name(rules.getFirst()) : "none";
        operation.addExtension(ACCESS_RULE, rule);
        var access = "Access: " + rule + ".";
        operation.setDescription(operation.getDescription() == null ? access : access + "\n\n" + operation.getDescription());
        if (!Anonymous.RULE.equals(rule)) {
            operation.addSecurityItem(new SecurityRequirement().addList(OpenApiConfiguration.BEARER));
        }
        var problems = problems(handler, rule);
        operation.addExtension(PROBLEM_TYPES, problems.stream().map(p -> p.uri().toString()).toList());
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        byStatus(problems).forEach((status, types) -> operation.getResponses().computeIfAbsent(status.toString(),
                s -> new ApiResponse().description("A problem: " + types.stream().map(ProblemType::name)
                        .collect(Collectors.joining(", ")))
                        .content(new Content().addMediaType("application/problem+json",
                                new MediaType().schema(PROBLEM)))));
        return operation;
    }

    private List<ProblemType> problems(HandlerMethod handler, String rule) {
        var all = new ArrayList<ProblemType>();
        for (var platform : problemTypes.of(PLATFORM)) {
            var category = platform.category();
            boolean needsToken = !Anonymous.RULE.equals(rule);
            boolean needsRole = needsToken && !Authenticated.RULE.equals(rule);
            if (category == Category.UNAUTHENTICATED && !needsToken || category == Category.FORBIDDEN && !needsRole) {
                continue;
            }
            all.add(platform);
        }
        var type = handler.getBeanType().getName();
        if (!type.startsWith(PLATFORM + ".")) {
            var module = type.substring(0, type.indexOf('.', "io.edumatrix.".length()));
            problemTypes.of(module).stream().filter(p -> !all.contains(p)).forEach(all::add);
        }
        return all;
    }

    private static Map<Integer, List<ProblemType>> byStatus(List<ProblemType> problems) {
        return problems.stream().collect(Collectors.groupingBy(p -> ProblemStatus.of(p.category()).value(), TreeMap::new,
                Collectors.toList()));
    }
}
