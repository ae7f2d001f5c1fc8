-- What the source document printed beside a period (achievement, breach flag): kept for the data-quality
-- checks, never used in computing. NULL: nothing printed.
ALTER TABLE indicator_periods ADD
    printed_achievement DECIMAL(38, 10) NULL,
    printed_breach      BIT             NULL;
