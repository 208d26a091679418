-- Identity keys are ASCII codes (`m:<mobile>|<pinyin>`, `c:<card>` …), never shown to people, so
-- they compare byte-wise: COLLATE "C" sorts and builds the primary-key btree with memcmp and
-- abbreviated keys instead of strcoll, whatever collation the database was created with, and the
-- btree serves the prefix ranges `identity_key >= block || '|' AND < block || '}'` that the
-- history lookup (010) reads.
ALTER TABLE dw.customer_identity ALTER COLUMN identity_key TYPE text COLLATE "C";
-- Joined with dw.customer_identity by load/010_customer_merges.sql: one collation on both sides.
ALTER TABLE staging.stg_identity ALTER COLUMN identity_key TYPE text COLLATE "C";
