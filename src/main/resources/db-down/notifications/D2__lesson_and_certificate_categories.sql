-- Down of db/notifications/V2__lesson_and_certificate_categories.sql: the categories are those of V1 again (which
-- fails, changing nothing, while a LESSON or CERTIFICATE notification or muted category remains).
ALTER TABLE notification DROP CONSTRAINT notification_category_check,
    ADD CONSTRAINT notification_category_check CHECK (category IN ('ENROLLMENT', 'APPLICATION', 'PROPOSAL', 'CONTRACT',
        'ARTICLE', 'MENTION', 'FEEDBACK'));
ALTER TABLE muted_category DROP CONSTRAINT muted_category_category_check,
    ADD CONSTRAINT muted_category_category_check CHECK (category IN ('ENROLLMENT', 'APPLICATION', 'PROPOSAL',
        'CONTRACT', 'ARTICLE', 'MENTION', 'FEEDBACK'));
