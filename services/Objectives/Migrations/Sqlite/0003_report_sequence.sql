-- Report numbers are unique per objective (the plan lock serializes writers; this states it in the schema).
CREATE UNIQUE INDEX ux_progress_reports_seq ON progress_reports (tenant_id, plan_id, objective_code, seq);
