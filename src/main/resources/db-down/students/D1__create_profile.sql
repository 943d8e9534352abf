-- Down of db/students/V1__create_profile.sql: drops the profiles.
DROP TABLE profile;
