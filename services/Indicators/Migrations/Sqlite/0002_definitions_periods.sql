ALTER TABLE indicators ADD COLUMN kind TEXT NOT NULL DEFAULT 'Unspecified';
ALTER TABLE indicators ADD COLUMN decimals INTEGER NOT NULL DEFAULT 2;
ALTER TABLE indicators ADD COLUMN polarity TEXT NOT NULL DEFAULT 'HigherIsBetter';
ALTER TABLE indicators ADD COLUMN formula TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN variables TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN baseline_value TEXT NULL;
ALTER TABLE indicators ADD COLUMN baseline_year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE indicators ADD COLUMN achievement_method TEXT NOT NULL DEFAULT 'DupPercent';
ALTER TABLE indicators ADD COLUMN achieved_from TEXT NOT NULL DEFAULT '100';
ALTER TABLE indicators ADD COLUMN partially_achieved_from TEXT NOT NULL DEFAULT '80';
ALTER TABLE indicators ADD COLUMN weight TEXT NOT NULL DEFAULT '1';
ALTER TABLE indicators ADD COLUMN data_source TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN aggregation TEXT NOT NULL DEFAULT 'Last';
ALTER TABLE indicators ADD COLUMN threshold_comparison TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN threshold_value TEXT NULL;

CREATE TABLE indicator_objectives (
    tenant_id    TEXT NOT NULL,
    indicator_id TEXT NOT NULL,
    objective    TEXT NOT NULL,
    position     INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, indicator_id, objective)
);
CREATE INDEX ix_indicator_objectives_objective ON indicator_objectives (tenant_id, objective);

CREATE TABLE indicator_periods (
    tenant_id       TEXT    NOT NULL,
    indicator_id    TEXT    NOT NULL,
    period_key      TEXT    NOT NULL,
    year            INTEGER NOT NULL,
    sort_key        INTEGER NOT NULL,
    target          TEXT    NULL,
    target_high     TEXT    NULL,
    actual          TEXT    NULL,
    actual_computed INTEGER NOT NULL,
    variables       TEXT    NOT NULL,
    note            TEXT    NOT NULL,
    evidence_uri    TEXT    NOT NULL,
    closed          INTEGER NOT NULL,
    version         INTEGER NOT NULL,
    created_at      TEXT    NOT NULL,
    created_by      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    updated_by      TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, indicator_id, period_key)
);
CREATE INDEX ix_indicator_periods_year ON indicator_periods (tenant_id, year);
