CREATE TABLE indicators (
    tenant_id    NVARCHAR(100) NOT NULL,
    indicator_id NVARCHAR(63)  NOT NULL,
    title        NVARCHAR(300) NOT NULL,
    unit         NVARCHAR(50)  NOT NULL,
    description  NVARCHAR(MAX) NOT NULL,
    version      BIGINT        NOT NULL,
    created_at   DATETIME2     NOT NULL,
    created_by   NVARCHAR(200) NOT NULL,
    updated_at   DATETIME2     NOT NULL,
    updated_by   NVARCHAR(200) NOT NULL,
    CONSTRAINT pk_indicators PRIMARY KEY (tenant_id, indicator_id)
);
