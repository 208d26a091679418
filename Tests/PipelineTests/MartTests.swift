import Pipeline
import Postgres
import TestSupport
import XCTest

/// The marts read per-customer summaries that each run brings up to date for the customers it
/// touched; these tests hold them to the marts a full recompute from every fact row gives.
final class MartTests: XCTestCase {
    func testMartsEqualAFullRecomputeAfterEachNight() throws {
        let url = try TestDatabase.fresh()
        let db = try PostgresConnection.connect(url)
        try PipelineFixture.run(url)
        try assertMartsMatchFullRecompute(db, "base")
        try PipelineFixture.run(url, data: "nights/001")
        try assertMartsMatchFullRecompute(db, "night 1")
        // Other rates change every amount in CNY: the summaries must be rebuilt, not patched.
        try db.execute("UPDATE dw.currency_rate SET to_cny = 0.25 WHERE currency = 'TWD'")
        try PipelineFixture.run(url, data: "nights/002")
        try assertMartsMatchFullRecompute(db, "night 2 with a new rate")
    }

    func testMartsFollowMergesAndDeletedFacts() throws {
        let url = try TestDatabase.fresh()
        let db = try PostgresConnection.connect(url)
        try PipelineFixture.run(url)
        // A customer's facts move to another (as a merge does) and some lines vanish (as the
        // corrected-file rule deletes them); the next run must follow both.
        try db.execute("""
            UPDATE dw.fct_sales_line SET customer_id = (SELECT max(customer_id) FROM dw.fct_sales_line)
            WHERE customer_id = (SELECT min(customer_id) FROM dw.fct_sales_line);
            DELETE FROM dw.fct_sales_line WHERE source_line % 7 = 0;
            DELETE FROM dw.fct_warranty_registration WHERE source_line % 5 = 0;
            UPDATE dw.fct_contact_attempt SET attempt_id = attempt_id || '-renumbered' WHERE source_line % 11 = 0;
            """)
        // Orders whose lines span days: the order counts on its first line's day, each line on its own.
        let spread = try db.query("""
            WITH moved AS (
                UPDATE dw.fct_sales_line f SET order_date = f.order_date + 1 + f.line_no % 2
                FROM (SELECT order_id, max(line_no) AS line_no FROM dw.fct_sales_line
                      GROUP BY order_id HAVING count(*) > 1 ORDER BY order_id LIMIT 40) o
                WHERE f.order_id = o.order_id AND f.line_no = o.line_no
                RETURNING 1)
            SELECT count(*) FROM moved
            """).rows.first?[0] ?? nil
        XCTAssertEqual(spread, "40", "the fixture has multi-line orders to spread over days")
        XCTAssertEqual(try db.naturalKeyMismatches(), 0, "natural-key tables follow updates and deletes of the facts")
        try PipelineFixture.run(url, data: "nights/001")
        try assertMartsMatchFullRecompute(db, "night after merges, deletions and orders over several days")
        // The same facts through a rebuild of the summaries (new rates force one).
        try db.execute("UPDATE dw.currency_rate SET to_cny = 0.23 WHERE currency = 'TWD'")
        try PipelineFixture.run(url, data: "nights/002")
        try assertMartsMatchFullRecompute(db, "rebuild after orders over several days")
    }

    /// Moving the as-of date with no new facts carries customers' days across the edges of the
    /// 12-month windows (the summaries patch only those customers); moving it back rebuilds them.
    func testMartsFollowTheAsOfDateAcrossTheWindowsAndBack() throws {
        let url = try TestDatabase.fresh()
        let db = try PostgresConnection.connect(url)
        try PipelineFixture.run(url)
        try assertMartsMatchFullRecompute(db, "base")
        let base = try XCTUnwrap(db.query("SELECT as_of_date::text FROM marts.mart_business_kpi").rows.first?[0] ?? nil)
        // The last move goes back: the summaries must be rebuilt, not patched.
        for days in [200, 400, 30] {
            let asOf = try XCTUnwrap(DayParser.iso(try XCTUnwrap(
                db.query("SELECT ($1::date + $2::int)::text", [base, String(days)]).rows.first?[0] ?? nil)))
            let runner = PipelineRunner(config: try PipelineFixture.config(), databaseURL: url,
                                        library: try PipelineFixture.library(), logger: PipelineFixture.logger)
            _ = try runner.run(RunOptions(dataDir: PipelineFixture.dataDir.appendingPathComponent("base"), asOf: asOf))
            try assertMartsMatchFullRecompute(db, "as of base + \(days) days")
        }
    }

    /// Recomputes the customer-value and business KPI marts from the facts with the SQL they were
    /// first written in, and compares row for row, both ways.
    func assertMartsMatchFullRecompute(_ db: PostgresConnection, _ when: String,
                                               file: StaticString = #filePath, line: UInt = #line) throws {
        let basis = try db.query("SELECT as_of_date::text, run_id::text FROM marts.mart_business_kpi ORDER BY run_id DESC LIMIT 1").rows
        let asOf = try XCTUnwrap(basis.first?[0] ?? nil), run = try XCTUnwrap(basis.first?[1] ?? nil)
        let config = try PipelineFixture.config().scoring
        try db.query("""
            SELECT set_config('starcard.as_of', $1, false), set_config('starcard.run_id', $2, false),
                   set_config('starcard.current_high_share', $3, false), set_config('starcard.potential_high_share', $4, false)
            """, [asOf, run, String(config.currentHighShare), String(config.potentialHighShare)])
        try db.execute("""
            DROP TABLE IF EXISTS reference_customer_value, reference_business_kpi, reference_campaign_kpi;
            CREATE TEMP TABLE reference_customer_value (LIKE marts.mart_customer_value);
            CREATE TEMP TABLE reference_business_kpi (LIKE marts.mart_business_kpi);
            CREATE TEMP TABLE reference_campaign_kpi (LIKE marts.mart_campaign_kpi);
            """)
        // The category price totals the triggers keep (migration 023) equal the rows they total;
        // a category whose rows are gone may stay behind at zero.
        XCTAssertEqual(try db.int("""
            SELECT count(*)
            FROM (SELECT category, coalesce(sum(price_sum_cny), 0) AS s, sum(priced_lines) AS n
                  FROM dw.customer_category GROUP BY category) a
            FULL JOIN dw.category_price p USING (category)
            WHERE (coalesce(a.s, 0), coalesce(a.n, 0)) IS DISTINCT FROM (p.price_sum_cny, p.priced_lines)
            """), 0, "\(when): dw.category_price drifted from dw.customer_category", file: file, line: line)
        try db.execute(Self.fullCustomerValue)
        try db.execute(Self.fullBusinessKPI)
        try db.execute(Self.fullCampaignKPI)
        XCTAssertGreaterThan(try db.int("SELECT count(*) FROM reference_campaign_kpi"), 0, when, file: file, line: line)
        XCTAssertGreaterThan(try db.int("SELECT count(*) FROM reference_customer_value"), 0, when, file: file, line: line)
        for (mart, reference) in [("marts.mart_customer_value", "reference_customer_value"),
                                  ("marts.mart_business_kpi WHERE as_of_date = '\(asOf)'", "reference_business_kpi"),
                                  ("marts.mart_campaign_kpi", "reference_campaign_kpi")] {
            let differing = try db.int("""
                SELECT count(*) FROM ((SELECT * FROM \(mart) EXCEPT ALL SELECT * FROM \(reference))
                                      UNION ALL (SELECT * FROM \(reference) EXCEPT ALL SELECT * FROM \(mart))) d
                """)
            XCTAssertEqual(differing, 0, "\(when): \(mart) differs from the full recompute", file: file, line: line)
        }
    }

    /// `marts/010_mart_customer_value.sql` as it was before the summaries: every fact row, every run.
    static let fullCustomerValue = """
        WITH orders AS (
            SELECT f.customer_id, f.order_id, min(f.order_date) AS order_date,
                   sum(f.amount * coalesce(r.to_cny, 1)) AS amount_cny
            FROM dw.fct_sales_line f LEFT JOIN dw.currency_rate r ON r.currency = f.currency
            WHERE f.order_date <= etl.as_of_date()
            GROUP BY f.customer_id, f.order_id
        ), per_customer AS (
            SELECT customer_id,
                   min(order_date) AS first_purchase, max(order_date) AS last_purchase,
                   count(*) AS orders,
                   sum(amount_cny) AS revenue,
                   sum(amount_cny) FILTER (WHERE order_date > etl.as_of_date() - 365) AS revenue_12m
            FROM orders GROUP BY customer_id
        ), owned AS (
            -- Appliances a customer owns (bought or registered), the latest purchase per category.
            SELECT customer_id, category, max(bought) AS bought
            FROM (SELECT customer_id, category, order_date AS bought FROM dw.fct_sales_line WHERE category IS NOT NULL
                  UNION ALL
                  SELECT customer_id, category, coalesce(purchase_date, registered_on) FROM dw.fct_warranty_registration
                  WHERE category IS NOT NULL) o
            WHERE bought <= etl.as_of_date()
            GROUP BY customer_id, category
        ), category_price AS (
            SELECT category, avg(unit_price * coalesce(r.to_cny, 1)) AS avg_price
            FROM dw.fct_sales_line f LEFT JOIN dw.currency_rate r ON r.currency = f.currency
            WHERE category IS NOT NULL AND unit_price > 0 GROUP BY category
        ), replacement AS (
            SELECT o.customer_id, count(*) AS categories_owned,
                   coalesce(sum(cp.avg_price) FILTER (
                       WHERE etl.as_of_date() - o.bought >= (l.life_years_min * 365.25)::int - 365), 0) AS due_value
            FROM owned o
            LEFT JOIN dw.category_lifecycle l ON l.category = o.category
            LEFT JOIN category_price cp ON cp.category = o.category
            GROUP BY o.customer_id
        ), scored AS (
            SELECT c.customer_id, c.name, c.mobile, c.province, c.city,
                   p.first_purchase, p.last_purchase, etl.as_of_date() - p.last_purchase AS recency_days,
                   p.orders, p.revenue, coalesce(p.revenue_12m, 0) AS revenue_12m,
                   p.revenue / p.orders AS avg_order,
                   coalesce(rp.categories_owned, 0) AS categories_owned,
                   -- Mean gap between orders; one-order customers get the population's typical two years.
                   CASE WHEN p.orders > 1 THEN (p.last_purchase - p.first_purchase)::numeric / (p.orders - 1) ELSE 730 END AS mean_gap,
                   -- Orders per year over the customer's tenure (at least one year of tenure).
                   p.orders / greatest((etl.as_of_date() - p.first_purchase) / 365.25, 1.0) AS orders_per_year,
                   coalesce(rp.due_value, 0) AS due_value
            FROM dw.dim_customer c
            JOIN per_customer p ON p.customer_id = c.customer_id
            LEFT JOIN replacement rp ON rp.customer_id = c.customer_id
            WHERE c.is_current AND c.customer_key <> 0
        ), valued AS (
            SELECT s.*,
                   exp(-s.recency_days / (2.0 * greatest(s.mean_gap, 30))) AS p_active
            FROM scored s
        ), potential AS (
            SELECT v.*,
                   v.orders_per_year * v.avg_order * v.p_active + v.due_value AS potential_value,
                   -- customer_id breaks ties: otherwise the quintile of tied customers follows the rows'
                   -- physical order, and a warehouse recovered from a killed run scores differently.
                   ntile(5) OVER (ORDER BY v.recency_days DESC, v.customer_id) AS r_score,
                   ntile(5) OVER (ORDER BY v.orders, v.customer_id) AS f_score,
                   ntile(5) OVER (ORDER BY v.revenue, v.customer_id) AS m_score
            FROM valued v
        ), ranked AS (
            SELECT p.*,
                   percent_rank() OVER (ORDER BY p.revenue_12m DESC) AS current_rank,
                   percent_rank() OVER (ORDER BY p.potential_value DESC) AS potential_rank
            FROM potential p
        )
        INSERT INTO reference_customer_value
        SELECT customer_id, name, mobile, province, city, first_purchase, last_purchase, recency_days, orders,
               round(revenue, 2), round(revenue_12m, 2), round(avg_order, 2), categories_owned,
               r_score, f_score, m_score, round(p_active, 4), round(revenue_12m, 2), round(potential_value, 2),
               CASE WHEN high_current AND high_potential THEN 'platinum'
                    WHEN high_current THEN 'gold'
                    WHEN high_potential THEN 'iron'
                    ELSE 'lead' END,
               etl.as_of_date(), etl.current_run_id()
        FROM (SELECT r.*,
                     r.revenue_12m > 0 AND r.current_rank < current_setting('starcard.current_high_share')::numeric AS high_current,
                     r.potential_value > 0 AND r.potential_rank < current_setting('starcard.potential_high_share')::numeric AS high_potential
              FROM ranked r) t;
        """

    /// `marts/020_mart_campaign_kpi.sql` as it was first written: a count(DISTINCT) over every attempt.
    static let fullCampaignKPI = """
        INSERT INTO reference_campaign_kpi
        SELECT cp.campaign_code, cp.campaign_name,
               min(f.called_at)::date, max(f.called_at)::date,
               count(DISTINCT f.agent_key),
               count(*), sum(f.is_connected), sum(f.is_right_party), sum(f.is_presented), sum(f.is_sale), sum(f.is_lapsed),
               coalesce(sum(f.sale_amount) FILTER (WHERE f.is_sale = 1 AND f.is_lapsed = 0), 0),
               round(sum(f.is_connected)::numeric / nullif(count(*), 0), 4),
               round(sum(f.is_right_party)::numeric / nullif(sum(f.is_connected), 0), 4),
               round(sum(f.is_presented)::numeric / nullif(sum(f.is_right_party), 0), 4),
               round(sum(f.is_sale)::numeric / nullif(sum(f.is_right_party), 0), 4),
               round(sum(f.is_lapsed)::numeric / nullif(sum(f.is_sale), 0), 4),
               round(coalesce(sum(f.sale_amount) FILTER (WHERE f.is_sale = 1 AND f.is_lapsed = 0), 0)
                     / nullif(count(DISTINCT f.agent_key), 0), 2),
               round(sum(f.is_sale)::numeric / nullif(count(DISTINCT f.agent_key), 0), 2),
               etl.as_of_date(), etl.current_run_id()
        FROM dw.fct_contact_attempt f
        JOIN dw.dim_campaign cp ON cp.campaign_key = f.campaign_key
        WHERE f.called_at::date <= etl.as_of_date()
        GROUP BY cp.campaign_code, cp.campaign_name;
        """

    /// `marts/030_mart_business_kpi.sql` as it was before the summaries.
    static let fullBusinessKPI = """
        WITH sales AS (
            SELECT f.customer_id, f.order_date, f.amount * coalesce(r.to_cny, 1) AS amount_cny
            FROM dw.fct_sales_line f LEFT JOIN dw.currency_rate r ON r.currency = f.currency
            WHERE f.order_date <= etl.as_of_date()
        ), window_12m AS (
            SELECT customer_id, sum(amount_cny) AS revenue FROM sales
            WHERE order_date > etl.as_of_date() - 365 GROUP BY customer_id
        ), prior_12m AS (
            SELECT customer_id, sum(amount_cny) AS revenue FROM sales
            WHERE order_date > etl.as_of_date() - 730 AND order_date <= etl.as_of_date() - 365 GROUP BY customer_id
        ), first_purchase AS (
            SELECT customer_id, min(order_date) AS first_date FROM sales GROUP BY customer_id
        ), ranked AS (
            SELECT revenue, ntile(5) OVER (ORDER BY revenue DESC) AS quintile FROM window_12m
        ), called AS (
            SELECT DISTINCT customer_id FROM dw.fct_contact_attempt
            WHERE is_right_party = 1 AND called_at::date > etl.as_of_date() - 730 AND called_at::date <= etl.as_of_date() - 365
        ), spend AS (
            -- Customers who bought in the earlier window: their spend now against then.
            SELECT p.customer_id, p.revenue AS before, coalesce(w.revenue, 0) AS after,
                   (c.customer_id IS NOT NULL) AS was_called
            FROM prior_12m p LEFT JOIN window_12m w USING (customer_id) LEFT JOIN called c USING (customer_id)
        )
        INSERT INTO reference_business_kpi
        SELECT etl.as_of_date(),
               (SELECT count(*) FROM first_purchase),
               (SELECT count(*) FROM window_12m),
               (SELECT coalesce(round(sum(revenue), 2), 0) FROM window_12m),
               (SELECT round(sum(revenue) FILTER (WHERE quintile = 1) / nullif(sum(revenue), 0), 4) FROM ranked),
               (SELECT round(sum(w.revenue) FILTER (WHERE fp.first_date <= etl.as_of_date() - 365) / nullif(sum(w.revenue), 0), 4)
                  FROM window_12m w JOIN first_purchase fp USING (customer_id)),
               (SELECT round(count(*) FILTER (WHERE orders > 1)::numeric / nullif(count(*), 0), 4)
                  FROM (SELECT customer_id, count(DISTINCT order_date) AS orders FROM sales GROUP BY customer_id) o),
               (SELECT round(sum(after) / nullif(sum(before), 0) - 1, 4) FROM spend WHERE was_called),
               (SELECT round(sum(after) / nullif(sum(before), 0) - 1, 4) FROM spend WHERE NOT was_called),
               (SELECT count(*) FROM marts.mart_customer_value WHERE value_tier = 'platinum'),
               (SELECT count(*) FROM marts.mart_customer_value WHERE value_tier = 'gold'),
               (SELECT count(*) FROM marts.mart_customer_value WHERE value_tier = 'iron'),
               (SELECT count(*) FROM marts.mart_customer_value WHERE value_tier = 'lead'),
               etl.current_run_id();
        """
}
