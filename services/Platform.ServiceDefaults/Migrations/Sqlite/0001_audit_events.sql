-- Audit trail shared by every service: who changed what, when, written in the same transaction as the change.
CREATE TABLE audit_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id   TEXT NOT NULL,
    resource    TEXT NOT NULL,
    action      TEXT NOT NULL,
    actor       TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    changes     TEXT NOT NULL
);
CREATE INDEX ix_audit_events_resource ON audit_events (tenant_id, resource, id);
