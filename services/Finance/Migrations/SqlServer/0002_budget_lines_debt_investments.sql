ALTER TABLE budgets ADD state NVARCHAR(20) NOT NULL CONSTRAINT df_budgets_state DEFAULT 'Draft';
GO

CREATE TABLE budget_stages (
    tenant_id NVARCHAR(100) NOT NULL,
    budget_id NVARCHAR(63)  NOT NULL,
    year      INT           NOT NULL,
    stage     NVARCHAR(20)  NOT NULL,
    CONSTRAINT pk_budget_stages PRIMARY KEY (tenant_id, budget_id, year, stage)
);

CREATE TABLE budget_lines (
    tenant_id          NVARCHAR(100) NOT NULL,
    budget_id          NVARCHAR(63)  NOT NULL,
    line_id            NVARCHAR(63)  NOT NULL,
    kind               NVARCHAR(20)  NOT NULL,
    classification_key NVARCHAR(200) NOT NULL,
    titolo             INT           NULL,
    tipologia          NVARCHAR(10)  NULL,
    categoria          NVARCHAR(10)  NULL,
    mission_code       NVARCHAR(10)  NULL,
    programme_code     NVARCHAR(10)  NULL,
    macroaggregato     NVARCHAR(10)  NULL,
    balance_item       NVARCHAR(40)  NULL,
    description        NVARCHAR(500) NOT NULL,
    CONSTRAINT pk_budget_lines PRIMARY KEY (tenant_id, budget_id, line_id)
);
CREATE UNIQUE INDEX ux_budget_lines_classification ON budget_lines (tenant_id, budget_id, classification_key);

CREATE TABLE budget_line_amounts (
    tenant_id     NVARCHAR(100)  NOT NULL,
    budget_id     NVARCHAR(63)   NOT NULL,
    line_id       NVARCHAR(63)   NOT NULL,
    year          INT            NOT NULL,
    stage         NVARCHAR(20)   NOT NULL,
    appropriation DECIMAL(19, 2) NOT NULL,
    cash          DECIMAL(19, 2) NULL,
    commitments   DECIMAL(19, 2) NULL,
    payments      DECIMAL(19, 2) NULL,
    assessments   DECIMAL(19, 2) NULL,
    collections   DECIMAL(19, 2) NULL,
    CONSTRAINT pk_budget_line_amounts PRIMARY KEY (tenant_id, budget_id, line_id, year, stage)
);

CREATE TABLE debt_years (
    tenant_id        NVARCHAR(100)  NOT NULL,
    budget_id        NVARCHAR(63)   NOT NULL,
    year             INT            NOT NULL,
    opening_debt     DECIMAL(19, 2) NOT NULL,
    new_loans        DECIMAL(19, 2) NOT NULL,
    repayments       DECIMAL(19, 2) NOT NULL,
    early_repayments DECIMAL(19, 2) NOT NULL,
    other_changes    DECIMAL(19, 2) NOT NULL,
    declared_closing DECIMAL(19, 2) NULL,
    inhabitants      BIGINT         NOT NULL,
    CONSTRAINT pk_debt_years PRIMARY KEY (tenant_id, budget_id, year)
);

CREATE TABLE investments (
    tenant_id       NVARCHAR(100)  NOT NULL,
    investment_id   NVARCHAR(63)   NOT NULL,
    cup             NVARCHAR(20)   NULL,
    title           NVARCHAR(1000) NOT NULL,
    pnrr_measure    NVARCHAR(40)   NULL,
    pnrr_mission    NVARCHAR(10)   NULL,
    pnrr_component  NVARCHAR(10)   NULL,
    pnrr_investment NVARCHAR(20)   NULL,
    total_cost      DECIMAL(19, 2) NOT NULL,
    start_text      NVARCHAR(100)  NULL,
    end_text        NVARCHAR(100)  NULL,
    funding_body    NVARCHAR(300)  NULL,
    sector          NVARCHAR(200)  NULL,
    state           NVARCHAR(40)   NULL,
    objectives      NVARCHAR(MAX)  NOT NULL,
    flags           NVARCHAR(400)  NOT NULL,
    version         BIGINT         NOT NULL,
    created_at      DATETIME2      NOT NULL,
    created_by      NVARCHAR(200)  NOT NULL,
    updated_at      DATETIME2      NOT NULL,
    updated_by      NVARCHAR(200)  NOT NULL,
    CONSTRAINT pk_investments PRIMARY KEY (tenant_id, investment_id)
);

CREATE TABLE investment_years (
    tenant_id         NVARCHAR(100)  NOT NULL,
    investment_id     NVARCHAR(63)   NOT NULL,
    year              INT            NOT NULL,
    pnrr_contribution DECIMAL(19, 2) NOT NULL,
    cofinancing       DECIMAL(19, 2) NOT NULL,
    CONSTRAINT pk_investment_years PRIMARY KEY (tenant_id, investment_id, year)
);
