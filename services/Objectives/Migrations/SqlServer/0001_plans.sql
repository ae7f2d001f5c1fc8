CREATE TABLE plans (
    tenant_id   NVARCHAR(100)  NOT NULL,
    plan_id     NVARCHAR(63)   NOT NULL,
    title       NVARCHAR(300)  NOT NULL,
    kind        NVARCHAR(30)   NOT NULL,
    start_year  INT            NOT NULL,
    end_year    INT            NOT NULL,
    description NVARCHAR(MAX)  NOT NULL,
    version     BIGINT         NOT NULL,
    created_at  DATETIME2      NOT NULL,
    created_by  NVARCHAR(200)  NOT NULL,
    updated_at  DATETIME2      NOT NULL,
    updated_by  NVARCHAR(200)  NOT NULL,
    CONSTRAINT pk_plans PRIMARY KEY (tenant_id, plan_id)
);
