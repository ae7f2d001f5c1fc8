ALTER TABLE indicators ADD
    kind                    NVARCHAR(40)    NOT NULL CONSTRAINT df_indicators_kind DEFAULT 'Unspecified',
    decimals                INT             NOT NULL CONSTRAINT df_indicators_decimals DEFAULT 2,
    polarity                NVARCHAR(40)    NOT NULL CONSTRAINT df_indicators_polarity DEFAULT 'HigherIsBetter',
    formula                 NVARCHAR(2000)  NOT NULL CONSTRAINT df_indicators_formula DEFAULT '',
    variables               NVARCHAR(2000)  NOT NULL CONSTRAINT df_indicators_variables DEFAULT '',
    baseline_value          DECIMAL(38, 10) NULL,
    baseline_year           INT             NOT NULL CONSTRAINT df_indicators_baseline_year DEFAULT 0,
    achievement_method      NVARCHAR(40)    NOT NULL CONSTRAINT df_indicators_method DEFAULT 'DupPercent',
    achieved_from           DECIMAL(38, 10) NOT NULL CONSTRAINT df_indicators_achieved DEFAULT 100,
    partially_achieved_from DECIMAL(38, 10) NOT NULL CONSTRAINT df_indicators_partially DEFAULT 80,
    weight                  DECIMAL(38, 10) NOT NULL CONSTRAINT df_indicators_weight DEFAULT 1,
    data_source             NVARCHAR(1000)  NOT NULL CONSTRAINT df_indicators_data_source DEFAULT '',
    owner                   NVARCHAR(300)   NOT NULL CONSTRAINT df_indicators_owner DEFAULT '',
    aggregation             NVARCHAR(20)    NOT NULL CONSTRAINT df_indicators_aggregation DEFAULT 'Last',
    threshold_comparison    NVARCHAR(40)    NOT NULL CONSTRAINT df_indicators_threshold DEFAULT '',
    threshold_value         DECIMAL(38, 10) NULL;
GO

CREATE TABLE indicator_objectives (
    tenant_id    NVARCHAR(100) NOT NULL,
    indicator_id NVARCHAR(63)  NOT NULL,
    objective    NVARCHAR(400) NOT NULL,
    position     INT           NOT NULL,
    CONSTRAINT pk_indicator_objectives PRIMARY KEY (tenant_id, indicator_id, objective)
);
GO

CREATE INDEX ix_indicator_objectives_objective ON indicator_objectives (tenant_id, objective);
GO

CREATE TABLE indicator_periods (
    tenant_id       NVARCHAR(100)   NOT NULL,
    indicator_id    NVARCHAR(63)    NOT NULL,
    period_key      NVARCHAR(10)    NOT NULL,
    year            INT             NOT NULL,
    sort_key        INT             NOT NULL,
    target          DECIMAL(38, 10) NULL,
    target_high     DECIMAL(38, 10) NULL,
    actual          DECIMAL(38, 10) NULL,
    actual_computed BIT             NOT NULL,
    variables       NVARCHAR(MAX)   NOT NULL,
    note            NVARCHAR(MAX)   NOT NULL,
    evidence_uri    NVARCHAR(2000)  NOT NULL,
    closed          BIT             NOT NULL,
    version         BIGINT          NOT NULL,
    created_at      DATETIME2       NOT NULL,
    created_by      NVARCHAR(200)   NOT NULL,
    updated_at      DATETIME2       NOT NULL,
    updated_by      NVARCHAR(200)   NOT NULL,
    CONSTRAINT pk_indicator_periods PRIMARY KEY (tenant_id, indicator_id, period_key)
);
GO

CREATE INDEX ix_indicator_periods_year ON indicator_periods (tenant_id, year);
