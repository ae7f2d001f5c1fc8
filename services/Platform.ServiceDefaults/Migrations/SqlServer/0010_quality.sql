-- Data-quality report: each ente's setting of a rule (severity, on/off) and the findings it silenced with a reason.
CREATE TABLE quality_rule_settings (
    tenant_id   NVARCHAR(100) NOT NULL,
    rule_code   NVARCHAR(100) NOT NULL,
    enabled     BIT           NOT NULL,
    severity    NVARCHAR(20)  NOT NULL,
    updated_at  DATETIME2     NOT NULL,
    updated_by  NVARCHAR(200) NOT NULL,
    CONSTRAINT pk_quality_rule_settings PRIMARY KEY (tenant_id, rule_code)
);
CREATE TABLE quality_silences (
    tenant_id   NVARCHAR(100)  NOT NULL,
    rule_code   NVARCHAR(80)   NOT NULL,
    resource    NVARCHAR(250)  NOT NULL,
    reason      NVARCHAR(2000) NOT NULL,
    created_at  DATETIME2      NOT NULL,
    created_by  NVARCHAR(200)  NOT NULL,
    CONSTRAINT pk_quality_silences PRIMARY KEY (tenant_id, rule_code, resource)
);
