-- Down of db/freelancing/V3__create_contract.sql: drops the contracts, their parties and milestones.
DROP TABLE milestone;
DROP TABLE contract_party;
DROP TABLE contract;
