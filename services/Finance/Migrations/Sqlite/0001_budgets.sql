CREATE TABLE budgets (
    tenant_id  TEXT    NOT NULL,
    budget_id  TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    first_year INTEGER NOT NULL,
    last_year  INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    created_by TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    updated_by TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, budget_id)
);
