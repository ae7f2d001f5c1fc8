CREATE TABLE indicators (
    tenant_id    TEXT    NOT NULL,
    indicator_id TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    unit         TEXT    NOT NULL,
    description  TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    created_at   TEXT    NOT NULL,
    created_by   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    updated_by   TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, indicator_id)
);
