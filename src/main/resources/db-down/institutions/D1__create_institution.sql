-- Down of db/institutions/V1__create_institution.sql: drops the institutions.
DROP TABLE institution;
