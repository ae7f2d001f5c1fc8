-- A counter per ente, bumped by every committed transaction that changed its indicators, links or periods:
-- the scorecards built in memory are reused only while it is unchanged (the same for every replica).
CREATE TABLE data_versions (
    tenant_id NVARCHAR(100) NOT NULL,
    version   BIGINT        NOT NULL,
    CONSTRAINT pk_data_versions PRIMARY KEY (tenant_id)
);
