-- The day a progress report's state was observed ("data di rilevazione"), yyyy-MM-dd; optional.
ALTER TABLE progress_reports ADD as_of_date NVARCHAR(10) NULL;
