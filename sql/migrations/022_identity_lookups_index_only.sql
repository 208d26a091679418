-- A night looks up ~40k identity keys (dw.identity_history) in a table of 1.7M: each lookup read
-- its heap page for the customer id, 40k random pages of a 130 MB table. With the customer id in
-- the key's index the lookups are index-only wherever the visibility map says all-visible, which the
-- first load's COPY FREEZE into the emptied table sets for every page (IdentityStore).
ALTER TABLE dw.customer_identity DROP CONSTRAINT customer_identity_pkey;
ALTER TABLE dw.customer_identity ADD CONSTRAINT customer_identity_pkey PRIMARY KEY (identity_key) INCLUDE (customer_id);
