-- The accounts erased from this module (ADR 0015), so that erasure is final: a late or redelivered event may not write
-- them back. Filled by the platform's PersonalDataErasure in the erasure's own transaction. Global, not tenant-owned:
-- an account spans institutions, and the erasure runs with no institution bound (ADR 0011).
CREATE TABLE erased_subject (
    account_id uuid PRIMARY KEY,
    erased_at  timestamptz NOT NULL
);

-- Refuses a row that names an erased account in a data-subject column (its name is the argument; the data-subject
-- migration puts it on every column @DataSubjectColumns declares), with SQLSTATE EMER1, which the listeners' delivery
-- reads as "this event concerns an erased person": skipped and completed, not retried. A change that sets the column to
-- NULL or to another account passes, so erasing by anonymising still works. The owner's rights read erased_subject.
CREATE FUNCTION ${module}_fn_refuse_erased_subject() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    subject uuid := (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
BEGIN
    IF subject IS NOT NULL AND EXISTS (SELECT 1 FROM "${module}".erased_subject WHERE account_id = subject) THEN
        RAISE EXCEPTION 'account % was erased from module ${module}; % may not name it again', subject, TG_TABLE_NAME
            USING ERRCODE = 'EMER1';
    END IF;
    RETURN NEW;
END
$$;

-- The default privileges gave the app role DML on the table and EXECUTE on the function; the erasure only adds rows.
REVOKE ALL ON erased_subject FROM PUBLIC, "${app_role}";
GRANT SELECT, INSERT ON erased_subject TO "${app_role}";
REVOKE ALL ON FUNCTION ${module}_fn_refuse_erased_subject() FROM PUBLIC, "${app_role}";
