-- Down of db/institutions/V2__create_department.sql: drops the departments.
DROP TABLE department;
