package io.edumatrix.platform.mail;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A mail to one person, before rendering: who it is for (their account, whose personal key seals the address and the
 * model while the mail waits in the outbox), where it goes, which template renders it and the values the template
 * reads. Templates live in {@code classpath:mail/<template>.subject.mustache}, {@code .txt.mustache} and, optionally,
 * {@code .html.mustache}; besides the model they read {@code linkBaseUrl} ({@code edumatrix.mail.link-base-url}).
 *
 * @param recipient the account the mail is about and for
 * @param to the address it goes to
 * @param template the template's name, such as {@code identity/email-verification}
 * @param model the values the template reads, all strings
 */
@NamedInterface("mail")
public record Mail(UUID recipient, String to, String template, Map<String, String> model) {

    public Mail {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(template, "template");
        model = Map.copyOf(model);
    }
}
