-- Fields of an indicator that no query filters or computes on: the Indicator message itself (protobuf JSON)
-- without the fields that have columns of their own, so that a new descriptive field needs no migration.
ALTER TABLE indicators ADD COLUMN card TEXT NOT NULL DEFAULT '{}';
