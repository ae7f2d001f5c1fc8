-- Committed imports by request id, so that a retried commit answers the first one's summary and imports nothing.
CREATE TABLE import_requests (
    tenant_id   TEXT NOT NULL,
    request_id  TEXT NOT NULL,
    parent      TEXT NOT NULL,
    summary     TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    PRIMARY KEY (tenant_id, request_id)
);
