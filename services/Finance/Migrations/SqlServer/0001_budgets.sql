CREATE TABLE budgets (
    tenant_id  NVARCHAR(100) NOT NULL,
    budget_id  NVARCHAR(63)  NOT NULL,
    title      NVARCHAR(300) NOT NULL,
    first_year INT           NOT NULL,
    last_year  INT           NOT NULL,
    version    BIGINT        NOT NULL,
    created_at DATETIME2     NOT NULL,
    created_by NVARCHAR(200) NOT NULL,
    updated_at DATETIME2     NOT NULL,
    updated_by NVARCHAR(200) NOT NULL,
    CONSTRAINT pk_budgets PRIMARY KEY (tenant_id, budget_id)
);
