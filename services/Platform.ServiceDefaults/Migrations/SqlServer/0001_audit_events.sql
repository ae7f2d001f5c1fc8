-- Audit trail shared by every service: who changed what, when, written in the same transaction as the change.
CREATE TABLE audit_events (
    id          BIGINT IDENTITY(1, 1) PRIMARY KEY,
    tenant_id   NVARCHAR(100) NOT NULL,
    resource    NVARCHAR(400) NOT NULL,
    action      NVARCHAR(50)  NOT NULL,
    actor       NVARCHAR(200) NOT NULL,
    occurred_at DATETIME2     NOT NULL,
    changes     NVARCHAR(MAX) NOT NULL
);
GO
CREATE INDEX ix_audit_events_resource ON audit_events (tenant_id, resource, id);
