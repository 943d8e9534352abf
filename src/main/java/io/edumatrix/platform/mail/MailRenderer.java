package io.edumatrix.platform.mail;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;

/**
 * Renders a mail from its Mustache templates: {@code mail/<template>.subject.mustache} and {@code .txt.mustache}
 * (required), {@code .html.mustache} (optional; HTML-escaped). Compiled templates are kept; a template that is missing
 * fails the send, which is retried and then left failed, visible at {@code /actuator/eventpublications}.
 */
final class MailRenderer {

    /** What a mail says: its subject, its plain text, and its HTML if the template has one. */
    record Rendered(String subject, String text, Optional<String> html) {}

    private final Mustache.Compiler plain = Mustache.compiler().escapeHTML(false).defaultValue("");
    private final Mustache.Compiler html = Mustache.compiler().escapeHTML(true).defaultValue("");
    private final Map<String, Optional<Template>> compiled = new ConcurrentHashMap<>();
    private final String linkBaseUrl;

    MailRenderer(String linkBaseUrl) {
        this.linkBaseUrl = linkBaseUrl;
    }

    Rendered render(String template, Map<String, String> model) {
        var values = new HashMap<String, String>(model);
        values.put("linkBaseUrl", linkBaseUrl);
        var subject = required(template, "subject", plain).execute(values).strip();
        var text = required(template, "txt", plain).execute(values);
        return new Rendered(subject, text, find(template + ".html", html).map(t -> t.execute(values)));
    }

    private Template required(String template, String part, Mustache.Compiler compiler) {
        return find(template + "." + part, compiler).orElseThrow(() -> new IllegalStateException(
                "Mail template classpath:mail/" + template + "." + part + ".mustache is missing"));
    }

    private Optional<Template> find(String name, Mustache.Compiler compiler) {
        return compiled.computeIfAbsent(name, key -> {
            var resource = new ClassPathResource("mail/" + key + ".mustache");
            if (!resource.exists()) {
                return Optional.empty();
            }
            try (var reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                return Optional.of(compiler.compile(reader));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
