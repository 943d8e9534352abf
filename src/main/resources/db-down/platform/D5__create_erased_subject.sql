-- Down of db/platform/V5__create_erased_subject.sql: drops the record of erased accounts and the function that refuses
-- them. The module's tables, and so the data-subject triggers that call it, are rolled back first.
DROP FUNCTION ${module}_fn_refuse_erased_subject();
DROP TABLE erased_subject;
