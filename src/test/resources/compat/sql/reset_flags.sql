-- run by run_sql_and_truncate.yml through sql_file
UPDATE flags SET state = 'reset';
