-- A course's content: ordered sections, each with ordered lessons. Positions count from 1 within their parent.
CREATE TABLE course_section (
    id             uuid PRIMARY KEY,
    version        bigint      NOT NULL,
    institution_id uuid        NOT NULL,
    course_id      uuid        NOT NULL REFERENCES course (id),
    title          text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    position       integer     NOT NULL CHECK (position > 0),
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    CONSTRAINT course_section_position_key UNIQUE (course_id, position)
);

-- Each kind has its own fields (TEXT a body, VIDEO a URL and duration, LINK a URL, ASSIGNMENT instructions and a
-- due date); duration_minutes is the estimated duration of any kind. The checks repeat the rules of Lesson, so
-- that no write around the application leaves a lesson without what its kind needs.
CREATE TABLE lesson (
    id               uuid PRIMARY KEY,
    version          bigint      NOT NULL,
    institution_id   uuid        NOT NULL,
    course_id        uuid        NOT NULL REFERENCES course (id),
    section_id       uuid        NOT NULL REFERENCES course_section (id),
    title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    kind             text        NOT NULL CHECK (kind IN ('TEXT', 'VIDEO', 'LINK', 'ASSIGNMENT')),
    body             text        CHECK (length(body) <= 100000),
    url              text        CHECK (length(url) <= 2000),
    duration_minutes integer     CHECK (duration_minutes BETWEEN 1 AND 10000),
    instructions     text        CHECK (length(instructions) <= 20000),
    due_at           timestamptz,
    status           text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    position         integer     NOT NULL CHECK (position > 0),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    published_at     timestamptz,
    CHECK ((kind = 'TEXT') = (body IS NOT NULL)),
    CHECK ((kind IN ('VIDEO', 'LINK')) = (url IS NOT NULL)),
    CHECK (kind <> 'VIDEO' OR duration_minutes IS NOT NULL),
    CHECK ((kind = 'ASSIGNMENT') = (instructions IS NOT NULL AND due_at IS NOT NULL)),
    CHECK (kind = 'ASSIGNMENT' OR (instructions IS NULL AND due_at IS NULL)),
    -- Deferred, so that a reorder may move lessons through each other's positions within its transaction.
    CONSTRAINT lesson_position_key UNIQUE (section_id, position) DEFERRABLE INITIALLY DEFERRED
);

-- The outline reads a course's lessons at once, in section and lesson order.
CREATE INDEX lesson_course_outline ON lesson (course_id, section_id, position);
