package io.edumatrix.notifications.internal;

import io.edumatrix.community.MessagePosted;
import io.edumatrix.feedback.FeedbackSubmitted;
import io.edumatrix.feedback.SubjectType;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Who is told of what another module did: nobody is told of their own doing. */
final class Recipients {

    private Recipients() {}

    /** The accounts a message mentions, its author never. */
    static List<UUID> ofMentions(MessagePosted event) {
        if (event.mentions() == null) {
            return List.of();
        }
        return event.mentions().stream().filter(account -> !account.equals(event.authorAccountId())).toList();
    }

    /** Whether the feedback has somebody to tell: only a course's has (its instructors). */
    static boolean concernInstructors(FeedbackSubmitted event) {
        return event.subjectType() == SubjectType.COURSE && event.subjectId() != null;
    }

    /** A course's {@code instructors}, but not one who rated their own course. */
    static List<UUID> ofFeedback(FeedbackSubmitted event, Collection<UUID> instructors) {
        return instructors.stream().filter(instructor -> !instructor.equals(event.authorAccountId())).toList();
    }
}
