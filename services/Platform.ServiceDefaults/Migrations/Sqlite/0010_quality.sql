-- Data-quality report: each ente's setting of a rule (severity, on/off) and the findings it silenced with a reason.
CREATE TABLE quality_rule_settings (
    tenant_id   TEXT    NOT NULL,
    rule_code   TEXT    NOT NULL,
    enabled     INTEGER NOT NULL,
    severity    TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    updated_by  TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, rule_code)
);
CREATE TABLE quality_silences (
    tenant_id   TEXT NOT NULL,
    rule_code   TEXT NOT NULL,
    resource    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    PRIMARY KEY (tenant_id, rule_code, resource)
);
