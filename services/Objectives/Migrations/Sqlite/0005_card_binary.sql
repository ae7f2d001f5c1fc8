-- The card also as protobuf binary, written with the JSON: reading a whole tree parses it several times faster
-- than the JSON. NULL for rows written before it (they are read from the JSON).
ALTER TABLE objectives ADD COLUMN card_binary BLOB NULL;
