-- Other lists of the source document that describe an investment, each with the cost it prints: one "list<TAB>cost" per line.
ALTER TABLE investments ADD listings NVARCHAR(MAX) NOT NULL CONSTRAINT df_investments_listings DEFAULT '';
