-- Down of db/community/V3__create_read_position_and_account_block.sql: drops the read positions and the blocks (with
-- the blocks' second data-subject policy).
DROP TABLE account_block;
DROP TABLE read_position;
