-- Counting each order's organisation row by row ran a PL/pgSQL call and an upsert for every
-- order of a group commit. Once per statement, over the rows it inserted, the counts of a
-- whole batch go in as one upsert (in key order, so two writers lock rows in one order).
DROP TRIGGER orders_count_organisation ON orders;
DROP FUNCTION count_order_organisation();
CREATE FUNCTION count_order_organisations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO order_organisations (orgnr, org_name, orders)
    SELECT orgnr, org_name, count(*) FROM inserted_orders
    GROUP BY orgnr, org_name ORDER BY orgnr, org_name
    ON CONFLICT (orgnr, org_name) DO UPDATE SET orders = order_organisations.orders + EXCLUDED.orders;
    RETURN NULL;
END;
$$;
CREATE TRIGGER orders_count_organisations AFTER INSERT ON orders
    REFERENCING NEW TABLE AS inserted_orders
    FOR EACH STATEMENT EXECUTE FUNCTION count_order_organisations();
