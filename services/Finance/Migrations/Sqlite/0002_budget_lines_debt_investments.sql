ALTER TABLE budgets ADD COLUMN state TEXT NOT NULL DEFAULT 'Draft';

CREATE TABLE budget_stages (
    tenant_id TEXT    NOT NULL,
    budget_id TEXT    NOT NULL,
    year      INTEGER NOT NULL,
    stage     TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, budget_id, year, stage)
);

CREATE TABLE budget_lines (
    tenant_id          TEXT    NOT NULL,
    budget_id          TEXT    NOT NULL,
    line_id            TEXT    NOT NULL,
    kind               TEXT    NOT NULL,
    classification_key TEXT    NOT NULL,
    titolo             INTEGER NULL,
    tipologia          TEXT    NULL,
    categoria          TEXT    NULL,
    mission_code       TEXT    NULL,
    programme_code     TEXT    NULL,
    macroaggregato     TEXT    NULL,
    balance_item       TEXT    NULL,
    description        TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, budget_id, line_id)
);
CREATE UNIQUE INDEX ux_budget_lines_classification ON budget_lines (tenant_id, budget_id, classification_key);

CREATE TABLE budget_line_amounts (
    tenant_id     TEXT    NOT NULL,
    budget_id     TEXT    NOT NULL,
    line_id       TEXT    NOT NULL,
    year          INTEGER NOT NULL,
    stage         TEXT    NOT NULL,
    appropriation TEXT    NOT NULL,
    cash          TEXT    NULL,
    commitments   TEXT    NULL,
    payments      TEXT    NULL,
    assessments   TEXT    NULL,
    collections   TEXT    NULL,
    PRIMARY KEY (tenant_id, budget_id, line_id, year, stage)
);

CREATE TABLE debt_years (
    tenant_id        TEXT    NOT NULL,
    budget_id        TEXT    NOT NULL,
    year             INTEGER NOT NULL,
    opening_debt     TEXT    NOT NULL,
    new_loans        TEXT    NOT NULL,
    repayments       TEXT    NOT NULL,
    early_repayments TEXT    NOT NULL,
    other_changes    TEXT    NOT NULL,
    declared_closing TEXT    NULL,
    inhabitants      INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, budget_id, year)
);

CREATE TABLE investments (
    tenant_id       TEXT    NOT NULL,
    investment_id   TEXT    NOT NULL,
    cup             TEXT    NULL,
    title           TEXT    NOT NULL,
    pnrr_measure    TEXT    NULL,
    pnrr_mission    TEXT    NULL,
    pnrr_component  TEXT    NULL,
    pnrr_investment TEXT    NULL,
    total_cost      TEXT    NOT NULL,
    start_text      TEXT    NULL,
    end_text        TEXT    NULL,
    funding_body    TEXT    NULL,
    sector          TEXT    NULL,
    state           TEXT    NULL,
    objectives      TEXT    NOT NULL,
    flags           TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    created_at      TEXT    NOT NULL,
    created_by      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    updated_by      TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, investment_id)
);

CREATE TABLE investment_years (
    tenant_id         TEXT    NOT NULL,
    investment_id     TEXT    NOT NULL,
    year              INTEGER NOT NULL,
    pnrr_contribution TEXT    NOT NULL,
    cofinancing       TEXT    NOT NULL,
    PRIMARY KEY (tenant_id, investment_id, year)
);
