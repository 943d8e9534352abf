-- An enrollment is ACTIVE, then COMPLETED or WITHDRAWN; a withdrawn student may enroll again, in a new enrollment,
-- so that the one withdrawn keeps its history.
ALTER TABLE enrollment
    ADD COLUMN status       text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'COMPLETED', 'WITHDRAWN')),
    ADD COLUMN completed_at timestamptz,
    ADD COLUMN withdrawn_at timestamptz,
    ADD CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL)),
    ADD CHECK ((status = 'WITHDRAWN') = (withdrawn_at IS NOT NULL));
ALTER TABLE enrollment ALTER COLUMN status DROP DEFAULT;

-- At most one enrollment of a student in a course that is not withdrawn.
DROP INDEX enrollment_student_key;
CREATE UNIQUE INDEX enrollment_current_key ON enrollment (course_id, student_id) WHERE status <> 'WITHDRAWN';

-- How many students may be enrolled (active) at once; none: no limit.
ALTER TABLE course ADD COLUMN capacity integer CHECK (capacity BETWEEN 1 AND 100000);
