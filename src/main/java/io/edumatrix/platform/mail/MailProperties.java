package io.edumatrix.platform.mail;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How mails go out. The SMTP server itself is Boot's {@code spring.mail.host} / {@code port} / {@code username} /
 * {@code password} ({@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}, …).
 *
 * @param from the sender of every mail ({@code EDUMATRIX_MAIL_FROM})
 * @param linkBaseUrl where the links in mails point: the web client that reads {@code token=} from them
 *     ({@code EDUMATRIX_MAIL_LINK_BASE_URL})
 */
@Validated
@ConfigurationProperties("edumatrix.mail")
record MailProperties(
        @NotBlank @DefaultValue("EduMatrix <no-reply@edumatrix.invalid>") String from,
        @NotBlank @DefaultValue("http://localhost:8080") String linkBaseUrl) {}
