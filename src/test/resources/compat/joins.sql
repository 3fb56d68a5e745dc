-- Tables for joins.yml
CREATE TABLE regions (code VARCHAR(2) PRIMARY KEY, name VARCHAR(20));
INSERT INTO regions VALUES ('NO', 'North');
INSERT INTO regions VALUES ('SO', 'South');
CREATE TABLE customers (id INTEGER PRIMARY KEY, first_name VARCHAR(40), region_code VARCHAR(2));
INSERT INTO customers VALUES (1, 'Mere', 'NO');
INSERT INTO customers VALUES (2, 'Tama', 'SO');
INSERT INTO customers VALUES (3, 'Wiremu', 'NO');
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, ship_name VARCHAR(40), ship_city VARCHAR(40), total DECIMAL(8,2));
INSERT INTO orders VALUES (1, 1, 'M. Smith', 'Whangarei', 10.00);
INSERT INTO orders VALUES (2, 2, 'T. Jones', 'Dunedin', 20.00);
INSERT INTO orders VALUES (3, 3, 'W. Brown', 'Kaikohe', 30.00);
INSERT INTO orders VALUES (4, 9, 'Nobody', 'Nowhere', 40.00);
