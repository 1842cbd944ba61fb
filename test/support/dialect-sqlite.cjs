process.env.BEC_TEST_DIALECT = 'sqlite';
