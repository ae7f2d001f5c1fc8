-- A counter per ente, bumped by every committed transaction that changed its indicators, links or periods:
-- the scorecards built in memory are reused only while it is unchanged (the same for every replica).
CREATE TABLE data_versions (
    tenant_id TEXT    NOT NULL PRIMARY KEY,
    version   INTEGER NOT NULL
);
