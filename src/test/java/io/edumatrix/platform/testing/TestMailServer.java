package io.edumatrix.platform.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The run's SMTP server: one GreenMail in the test JVM, on a free port of 127.0.0.1, started with the first test
 * context ({@link TestDatabase#applicationProperties()} points {@code spring.mail.*} at it) and stopped with the JVM.
 * It accepts every recipient; tests find their mails by address, as a person reads their inbox.
 */
public final class TestMailServer {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
    private static final GreenMail SERVER = start();

    private TestMailServer() {}

    private static GreenMail start() {
        var setup = new ServerSetup(ServerSetupTest.SMTP.getPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        var server = new GreenMail(setup);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-mail-server-stop"));
        return server;
    }

    public static int port() {
        return SERVER.getSmtp().getPort();
    }

    /** Every mail received so far for the address, oldest first. */
    public static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(SERVER.getReceivedMessages()).filter(m -> addressedTo(m, address)).toList();
    }

    /** Waits up to 15 s until the address has received {@code count} mails; they, oldest first. */
    public static List<MimeMessage> awaitMails(String address, int count) {
        var deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            var mails = mailsTo(address);
            if (mails.size() >= count) {
                return mails;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Expected " + count + " mail(s) to " + address + " within 15 s, got " + mails.size());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The newest mail to the address, waiting for its {@code count}th. */
    public static MimeMessage awaitMail(String address, int count) {
        return awaitMails(address, count).get(count - 1);
    }

    /** The {@code token=} value of the link in a mail's plain text, as a client would pick it out. */
    public static String tokenIn(MimeMessage mail) {
        var matcher = TOKEN.matcher(plainText(mail));
        if (!matcher.find()) {
            throw new AssertionError("No token= in the mail: " + plainText(mail));
        }
        return matcher.group(1);
    }

    /** The plain-text part of a mail (the mail itself when it has no parts). */
    public static String plainText(MimeMessage mail) {
        try {
            return textOf(mail.getContent(), "text/plain");
        } catch (IOException | MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** The HTML part of a mail, or null. */
    public static String html(MimeMessage mail) {
        try {
            return textOf(mail.getContent(), "text/html");
        } catch (IOException | MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String textOf(Object content, String type) throws MessagingException, IOException {
        if (content instanceof String text) {
            return type.equals("text/plain") ? text : null;
        }
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (var i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType(type)) {
                    return (String) part.getContent();
                }
                var nested = textOf(part.getContent(), type);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    private static boolean addressedTo(MimeMessage mail, String address) {
        try {
            var recipients = mail.getRecipients(Message.RecipientType.TO);
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
