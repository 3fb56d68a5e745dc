-- run by run_sql_and_truncate.yml through sql_file
UPDATE {schema}.flags SET state = 'reset';
