process.env.BEC_TEST_DIALECT = 'mariadb';
