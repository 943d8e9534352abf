-- A student's application to a posting; applicant_account_id refers to the identity module by value. The cover letter
-- is personal: stored only as ciphertext sealed for the applicant (ADR 0013).
CREATE TABLE job_application (
    id                   uuid PRIMARY KEY,
    version              bigint      NOT NULL,
    institution_id       uuid        NOT NULL,
    posting_id           uuid        NOT NULL REFERENCES job_posting (id),
    applicant_account_id uuid        NOT NULL,
    cover_letter         bytea       NOT NULL,
    status               text        NOT NULL CHECK (status IN ('SUBMITTED', 'UNDER_REVIEW', 'INTERVIEW', 'OFFERED',
                                                                'HIRED', 'REJECTED', 'WITHDRAWN')),
    submitted_at         timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);

-- One application per student and posting; also pages a posting's applications.
CREATE UNIQUE INDEX job_application_applicant_key ON job_application (posting_id, applicant_account_id);
CREATE INDEX job_application_posting_page ON job_application (posting_id, id);
-- "My applications" pages, and the person's applications in every institution for their export and erasure.
CREATE INDEX job_application_applicant_page ON job_application (applicant_account_id, id);
