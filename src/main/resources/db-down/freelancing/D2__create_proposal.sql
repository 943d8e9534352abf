-- Down of db/freelancing/V2__create_proposal.sql: drops the proposals.
DROP TABLE proposal;
