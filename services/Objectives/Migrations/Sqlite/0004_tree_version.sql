-- Counts the changes of a plan's tree (its objectives and their reports): bumped by every write under the
-- plan in the same transaction, it makes PlanTree.etag.
ALTER TABLE plans ADD COLUMN tree_version INTEGER NOT NULL DEFAULT 0;
