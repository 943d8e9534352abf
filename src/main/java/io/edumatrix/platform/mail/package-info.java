/**
 * Outgoing mail (ADR 0032): a module hands a {@link io.edumatrix.platform.mail.Mail} to
 * {@link io.edumatrix.platform.mail.OutgoingMail} inside its own transaction; the mail rides that module's outbox as a
 * {@link io.edumatrix.platform.mail.MailQueued} event, and is rendered from its templates and sent over SMTP (Boot's
 * {@code spring.mail.*}) after the commit, retried like any listener. Without SMTP configured it is written to the
 * log instead. Modules use {@code OutgoingMail} and {@code Mail} ({@code platform :: mail}); the rest is wiring.
 */
package io.edumatrix.platform.mail;
