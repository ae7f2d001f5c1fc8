-- What the source document printed beside a period (achievement, breach flag): kept for the data-quality
-- checks, never used in computing. NULL: nothing printed.
ALTER TABLE indicator_periods ADD COLUMN printed_achievement TEXT NULL;
ALTER TABLE indicator_periods ADD COLUMN printed_breach INTEGER NULL;
