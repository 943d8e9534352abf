package io.edumatrix.notifications.internal.delivery;

/**
 * What a notification says in a mail, in one sentence from its category and detail. A notification carries ids, not
 * text (a course's title or an author's name would be another module's personal or changing data), so the sentence
 * names the kind of thing and leaves the rest to the app.
 */
final class MailWording {

    private MailWording() {}

    static String sentence(String category, String detail) {
        return switch (category) {
            case "ENROLLMENT" -> "You were enrolled in a course.";
            case "APPLICATION" -> "Your job application is now " + humane(detail) + ".";
            case "PROPOSAL" -> "Your proposal for a gig was accepted.";
            case "CONTRACT" -> "A contract of yours was completed.";
            case "ARTICLE" -> "A news article was published in your institution.";
            case "MENTION" -> "You were mentioned in a room.";
            case "FEEDBACK" -> "A course you teach was rated.";
            case "LESSON" -> "A new lesson was published in a course of yours.";
            case "CERTIFICATE" -> "You completed a course: your certificate is ready.";
            default -> "Something new concerns you.";
        };
    }

    /** UNDER_REVIEW as "under review". */
    private static String humane(String status) {
        return status == null ? "updated" : status.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
