-- Plan hierarchy and lifecycle; objectives with their cards, filter terms, progress reports, snapshots.
ALTER TABLE plans ADD
    state            NVARCHAR(20)  NOT NULL CONSTRAINT df_plans_state DEFAULT N'DRAFT',
    published        BIT           NOT NULL CONSTRAINT df_plans_published DEFAULT 0,
    levels           NVARCHAR(MAX) NOT NULL CONSTRAINT df_plans_levels DEFAULT N'[]',
    free_child_codes BIT           NOT NULL CONSTRAINT df_plans_free_child_codes DEFAULT 0;
GO

CREATE TABLE objectives (
    tenant_id     NVARCHAR(100) NOT NULL,
    plan_id       NVARCHAR(63)  NOT NULL,
    code          NVARCHAR(40)  NOT NULL,
    parent_code   NVARCHAR(40)  NULL,
    level         NVARCHAR(100) NOT NULL,
    depth         INT           NOT NULL,
    -- Binary collation: natural code order is encoded in the key and must compare byte by byte.
    sort_key      NVARCHAR(400) COLLATE Latin1_General_BIN2 NOT NULL,
    title         NVARCHAR(500) NOT NULL,
    description   NVARCHAR(MAX) NOT NULL,
    manager       NVARCHAR(200) NOT NULL,
    lead_sector   NVARCHAR(200) NOT NULL,
    card          NVARCHAR(MAX) NOT NULL,
    latest_state  NVARCHAR(20)  NOT NULL CONSTRAINT df_objectives_latest_state DEFAULT N'',
    latest_period NVARCHAR(20)  NOT NULL CONSTRAINT df_objectives_latest_period DEFAULT N'',
    version       BIGINT        NOT NULL,
    created_at    DATETIME2     NOT NULL,
    created_by    NVARCHAR(200) NOT NULL,
    updated_at    DATETIME2     NOT NULL,
    updated_by    NVARCHAR(200) NOT NULL,
    CONSTRAINT pk_objectives PRIMARY KEY (tenant_id, plan_id, code)
);
CREATE INDEX ix_objectives_sort ON objectives (tenant_id, plan_id, sort_key);
CREATE INDEX ix_objectives_parent ON objectives (tenant_id, plan_id, parent_code);

CREATE TABLE objective_terms (
    tenant_id NVARCHAR(100) NOT NULL,
    plan_id   NVARCHAR(63)  NOT NULL,
    code      NVARCHAR(40)  NOT NULL,
    kind      NVARCHAR(20)  NOT NULL,
    value     NVARCHAR(200) NOT NULL,
    CONSTRAINT pk_objective_terms PRIMARY KEY (tenant_id, plan_id, kind, value, code)
);
CREATE INDEX ix_objective_terms_code ON objective_terms (tenant_id, plan_id, code);

CREATE TABLE progress_reports (
    tenant_id          NVARCHAR(100) NOT NULL,
    plan_id            NVARCHAR(63)  NOT NULL,
    objective_code     NVARCHAR(40)  NOT NULL,
    report_id          NVARCHAR(63)  NOT NULL,
    seq                BIGINT        NOT NULL,
    period             NVARCHAR(20)  NOT NULL,
    state              NVARCHAR(20)  NOT NULL,
    status_text        NVARCHAR(MAX) NOT NULL,
    corrective_actions NVARCHAR(MAX) NOT NULL,
    author             NVARCHAR(200) NOT NULL,
    created_at         DATETIME2     NOT NULL,
    created_by         NVARCHAR(200) NOT NULL,
    CONSTRAINT pk_progress_reports PRIMARY KEY (tenant_id, plan_id, objective_code, report_id)
);

CREATE TABLE plan_versions (
    tenant_id   NVARCHAR(100) NOT NULL,
    plan_id     NVARCHAR(63)  NOT NULL,
    number      INT           NOT NULL,
    description NVARCHAR(2000) NOT NULL,
    snapshot    NVARCHAR(MAX) NOT NULL,
    created_at  DATETIME2     NOT NULL,
    created_by  NVARCHAR(200) NOT NULL,
    CONSTRAINT pk_plan_versions PRIMARY KEY (tenant_id, plan_id, number)
);
