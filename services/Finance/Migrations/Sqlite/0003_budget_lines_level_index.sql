-- The granularity check asks, for a batch's few titoli, missions, years and stages, whether any other line gives the
-- same spending titolo at another level: an index seek per question instead of a scan of the budget's lines.
CREATE INDEX ix_budget_lines_level ON budget_lines (tenant_id, budget_id, kind, titolo, mission_code, programme_code);
