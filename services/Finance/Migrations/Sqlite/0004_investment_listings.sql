-- Other lists of the source document that describe an investment, each with the cost it prints: one "list<TAB>cost" per line.
ALTER TABLE investments ADD COLUMN listings TEXT NOT NULL DEFAULT '';
