-- The day a progress report's state was observed ("data di rilevazione"); optional.
ALTER TABLE progress_reports ADD COLUMN as_of_date TEXT NULL;
