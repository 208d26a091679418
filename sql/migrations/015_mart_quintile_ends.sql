-- The customer-value mart (marts/010) scores quintiles from the last (key, customer_id) of each of the
-- first four quintiles instead of sorting every customer through a window per score. To find those
-- ends, percentile_disc sorts one packed value per customer that orders as the pair (key, id) does:
-- * small integer keys (days, order counts: 0 <= key < 2^20) with 0 <= id < 2^43 pack into a bigint,
--   key · 2^43 + id, whose sort costs a third of a numeric's;
-- * any integer key (scaled revenue) with 0 <= id < 10^19 (every non-negative bigint) packs into
--   the numeric key · 10^19 + id.
-- SQL functions of one expression: the planner inlines them, so they cost what the arithmetic costs.
CREATE FUNCTION marts.pack_key(key integer, id bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (key::bigint << 43) | id $$;
COMMENT ON FUNCTION marts.pack_key(integer, bigint) IS
    'One bigint ordered as (key, id), for 0 <= key < 2^20 and 0 <= id < 2^43: what marts.packed_id/packed_key take apart.';

CREATE FUNCTION marts.packed_id(packed bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT packed & 8796093022207 $$;

CREATE FUNCTION marts.packed_key(packed bigint) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (packed >> 43)::integer $$;

CREATE FUNCTION marts.pack_key(key numeric, id bigint) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT key * 1e19 + id $$;
COMMENT ON FUNCTION marts.pack_key(numeric, bigint) IS
    'One numeric ordered as (key, id), for an integer key and 0 <= id < 10^19: what marts.packed_id/packed_key take apart.';

CREATE FUNCTION marts.packed_id(packed numeric) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT mod(mod(packed, 1e19) + 1e19, 1e19)::bigint $$;

CREATE FUNCTION marts.packed_key(packed numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT div(packed - marts.packed_id(packed), 1e19) $$;

CREATE FUNCTION marts.quintile_of(key anyelement, id bigint, end_keys anyarray, end_ids bigint[])
RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 1 + ((key, id) > (end_keys[1], end_ids[1]))::int + ((key, id) > (end_keys[2], end_ids[2]))::int
             + ((key, id) > (end_keys[3], end_ids[3]))::int + ((key, id) > (end_keys[4], end_ids[4]))::int
$$;
COMMENT ON FUNCTION marts.quintile_of(anyelement, bigint, anyarray, bigint[]) IS
    'The quintile (1-5) of the row (key, id), given the last (key, id) of quintiles 1-4 in ascending order: ntile(5) OVER (ORDER BY key, id) without the sort.';

-- float8 → numeric formats 15 significant digits and parses them back (0.5 µs a value: 0.26 s for the
-- p_active of 508k customers); a value rounded first, as a scaled integer, converts in a fifth of
-- that. Half away from zero, as round(numeric) does; for x >= 0 (p_active, potential values).
CREATE FUNCTION marts.round_half_up(x float8, decimals integer) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT floor(x * 10::float8 ^ decimals + 0.5)::bigint * 10::numeric ^ (-decimals)
$$;

-- percent_rank() < share holds for a row exactly when fewer than share · (n − 1) rows are greater:
-- this is the largest such count K that passes percent_rank's own float8 test, K / (n − 1) < share
-- (0 / 0 counts as 0, as percent_rank gives a lone row 0), or −1 when none does (a share of 0).
CREATE FUNCTION marts.percent_rank_passing(share float8, n bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(max(k), -1)
    FROM generate_series(greatest(floor(share * (n - 1))::bigint - 1, 0), least(floor(share * (n - 1))::bigint + 1, n - 1)) k
    WHERE CASE WHEN n = 1 THEN 0 ELSE k::float8 / (n - 1) END < share
$$;
