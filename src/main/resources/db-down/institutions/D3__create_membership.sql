-- Down of db/institutions/V3__create_membership.sql: drops the memberships (and with them their policy).
DROP TABLE membership;
