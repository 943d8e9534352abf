package io.edumatrix.platform.mail;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends over SMTP with Boot's {@link JavaMailSender}. The {@code Message-ID} is set from the queued event, and
 * {@code JavaMailSenderImpl} keeps a preset one, so a mail sent again after a crash carries the same id.
 */
final class SmtpTransport implements MailTransport {

    private final JavaMailSender sender;

    SmtpTransport(JavaMailSender sender) {
        this.sender = sender;
    }

    @Override
    public void send(Outgoing mail) {
        var message = sender.createMimeMessage();
        try {
            var content = mail.content();
            var helper = new MimeMessageHelper(message, content.html().isPresent(), StandardCharsets.UTF_8.name());
            helper.setFrom(mail.from());
            helper.setTo(mail.to());
            helper.setSubject(content.subject());
            if (content.html().isPresent()) {
                helper.setText(content.text(), content.html().get());
            } else {
                helper.setText(content.text());
            }
            message.setHeader("Message-ID", mail.messageId());
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
    }

    @Override
    public String name() {
        return "smtp";
    }
}
