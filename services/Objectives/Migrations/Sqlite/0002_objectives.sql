-- Plan hierarchy and lifecycle; objectives with their cards, filter terms, progress reports, snapshots.
ALTER TABLE plans ADD COLUMN state TEXT NOT NULL DEFAULT 'DRAFT';
ALTER TABLE plans ADD COLUMN published INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN levels TEXT NOT NULL DEFAULT '[]';
ALTER TABLE plans ADD COLUMN free_child_codes INTEGER NOT NULL DEFAULT 0;

CREATE TABLE objectives (
    tenant_id     TEXT    NOT NULL,
    plan_id       TEXT    NOT NULL,
    code          TEXT    NOT NULL,
    parent_code   TEXT    NULL,
    level         TEXT    NOT NULL,
    depth         INTEGER NOT NULL,
    sort_key      TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    description   TEXT    NOT NULL,
    manager       TEXT    NOT NULL,
    lead_sector   TEXT    NOT NULL,
    card          TEXT    NOT NULL,
    latest_state  TEXT    NOT NULL DEFAULT '',
    latest_period TEXT    NOT NULL DEFAULT '',
    version       INTEGER NOT NULL,
    created_at    TEXT    NOT NULL,
    created_by    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    updated_by    TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, plan_id, code)
);
CREATE INDEX ix_objectives_sort ON objectives (tenant_id, plan_id, sort_key);
CREATE INDEX ix_objectives_parent ON objectives (tenant_id, plan_id, parent_code);

-- Multi-valued card fields that lists filter on (owner, sector, mission, programme, sdg).
CREATE TABLE objective_terms (
    tenant_id TEXT NOT NULL,
    plan_id   TEXT NOT NULL,
    code      TEXT NOT NULL,
    kind      TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (tenant_id, plan_id, kind, value, code)
);
CREATE INDEX ix_objective_terms_code ON objective_terms (tenant_id, plan_id, code);

CREATE TABLE progress_reports (
    tenant_id          TEXT    NOT NULL,
    plan_id            TEXT    NOT NULL,
    objective_code     TEXT    NOT NULL,
    report_id          TEXT    NOT NULL,
    seq                INTEGER NOT NULL,
    period             TEXT    NOT NULL,
    state              TEXT    NOT NULL,
    status_text        TEXT    NOT NULL,
    corrective_actions TEXT    NOT NULL,
    author             TEXT    NOT NULL,
    created_at         TEXT    NOT NULL,
    created_by         TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, plan_id, objective_code, report_id)
);

CREATE TABLE plan_versions (
    tenant_id   TEXT    NOT NULL,
    plan_id     TEXT    NOT NULL,
    number      INTEGER NOT NULL,
    description TEXT    NOT NULL,
    snapshot    TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, plan_id, number)
);
