-- Committed imports by request id, so that a retried commit answers the first one's summary and imports nothing.
CREATE TABLE import_requests (
    tenant_id   NVARCHAR(100) NOT NULL,
    request_id  NVARCHAR(100) NOT NULL,
    parent      NVARCHAR(1000) NOT NULL,
    summary     NVARCHAR(MAX) NOT NULL,
    created_at  DATETIME2     NOT NULL,
    created_by  NVARCHAR(200) NOT NULL,
    CONSTRAINT pk_import_requests PRIMARY KEY (tenant_id, request_id)
);
