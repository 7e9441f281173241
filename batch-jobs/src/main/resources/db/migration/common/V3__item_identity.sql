-- An item is identified by its bytes and, for a detached signature, its content too: the same .p7s
-- over two different contents (one of them altered) must be two items, not one.
ALTER TABLE archive_item ADD COLUMN identity_sha256 CHAR(64);
UPDATE archive_item SET identity_sha256 = original_sha256;
ALTER TABLE archive_item ALTER COLUMN identity_sha256 SET NOT NULL;
ALTER TABLE archive_item DROP CONSTRAINT archive_item_original_uq;
ALTER TABLE archive_item ADD CONSTRAINT archive_item_identity_uq UNIQUE (identity_sha256);
CREATE INDEX archive_item_original_ix ON archive_item (original_sha256);
