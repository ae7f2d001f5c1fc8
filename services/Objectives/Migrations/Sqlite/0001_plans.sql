CREATE TABLE plans (
    tenant_id   TEXT    NOT NULL,
    plan_id     TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    start_year  INTEGER NOT NULL,
    end_year    INTEGER NOT NULL,
    description TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    created_at  TEXT    NOT NULL,
    created_by  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    updated_by  TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, plan_id)
);
