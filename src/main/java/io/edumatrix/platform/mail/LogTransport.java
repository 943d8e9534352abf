package io.edumatrix.platform.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without an SMTP server (no {@code spring.mail.host}), mails are written to the log category {@code edumatrix.mail},
 * so a development run shows the links it would have mailed. Not for production: the log then holds addresses and
 * single-use tokens.
 */
final class LogTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger("edumatrix.mail");

    @Override
    public void send(Outgoing mail) {
        log.info("Mail {} (not sent: no SMTP server configured)\nFrom: {}\nTo: {}\nSubject: {}\n\n{}", mail.messageId(),
                mail.from(), mail.to(), mail.content().subject(), mail.content().text());
    }

    @Override
    public String name() {
        return "log";
    }
}
