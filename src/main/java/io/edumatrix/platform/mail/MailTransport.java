package io.edumatrix.platform.mail;

/** Where a rendered mail goes: an SMTP server, or the log when none is configured. */
interface MailTransport {

    /** A rendered mail with its stable {@code Message-ID} (the queued event's id). */
    record Outgoing(String messageId, String from, String to, MailRenderer.Rendered content) {}

    void send(Outgoing mail);

    /** The {@code transport} tag of the mail meters. */
    String name();
}
