-- Down of db/freelancing/V1__create_gig.sql: drops the gigs.
DROP TABLE gig;
