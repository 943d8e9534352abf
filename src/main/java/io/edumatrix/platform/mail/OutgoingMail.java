package io.edumatrix.platform.mail;

import org.springframework.modulith.NamedInterface;

/** The outgoing mail port of every module. */
@NamedInterface("mail")
public interface OutgoingMail {

    /**
     * Queues the mail in the outbox of {@code module}, inside that module's running transaction: it is sent once that
     * transaction commits, and never if it rolls back. A crash before the send leaves it in the outbox, delivered after
     * the restart; one after the send but before its completion is recorded sends it again with the same
     * {@code Message-ID}, which lets a receiving server drop the copy.
     */
    void send(String module, Mail mail);
}
