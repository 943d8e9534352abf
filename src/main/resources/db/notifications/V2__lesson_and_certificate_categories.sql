-- Two more categories: a new lesson in a course the reader is enrolled in, and the reader's certificate of a course.
ALTER TABLE notification DROP CONSTRAINT notification_category_check,
    ADD CONSTRAINT notification_category_check CHECK (category IN ('ENROLLMENT', 'APPLICATION', 'PROPOSAL', 'CONTRACT',
        'ARTICLE', 'MENTION', 'FEEDBACK', 'LESSON', 'CERTIFICATE'));
ALTER TABLE muted_category DROP CONSTRAINT muted_category_category_check,
    ADD CONSTRAINT muted_category_category_check CHECK (category IN ('ENROLLMENT', 'APPLICATION', 'PROPOSAL',
        'CONTRACT', 'ARTICLE', 'MENTION', 'FEEDBACK', 'LESSON', 'CERTIFICATE'));
