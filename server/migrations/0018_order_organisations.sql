-- The organisations that have ordered, by the name each order gave, and how many orders
-- they have (issue 15.2): a search by part of a name looks here among a few thousand rows
-- instead of reading every order's name, and its count tells the queue how to read the
-- orders of the organisations found (by organisation when they are few, in id order when
-- they are many).
CREATE TABLE order_organisations (
    orgnr     TEXT NOT NULL,
    org_name  TEXT NOT NULL,
    orders    INTEGER NOT NULL,
    PRIMARY KEY (orgnr, org_name)
) WITHOUT ROWID;
INSERT INTO order_organisations (orgnr, org_name, orders)
    SELECT orgnr, org_name, count(*) FROM orders GROUP BY orgnr, org_name;
CREATE TRIGGER orders_count_organisation AFTER INSERT ON orders
BEGIN
    INSERT INTO order_organisations (orgnr, org_name, orders) VALUES (new.orgnr, new.org_name, 1)
    ON CONFLICT (orgnr, org_name) DO UPDATE SET orders = orders + 1;
END;
