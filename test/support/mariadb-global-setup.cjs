// Checks once that a MariaDB server answers. Locally, a missing server is said loudly and the
// MariaDB project is skipped; with CI=true it fails the run.
const mysql = require('mysql2/promise');

module.exports = async function () {
  const url = new URL((process.env.TEST_DATABASE_URL || 'mysql://root@127.0.0.1:3306/test').replace(/^mariadb:/, 'mysql:'));
  try {
    const conn = await mysql.createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password || ''),
      connectTimeout: 5000,
    });
    await conn.query('SELECT 1');
    await conn.end();
  } catch (err) {
    const message = `MariaDB is not reachable at ${url.host} (${err.message}).`;
    if (process.env.CI === 'true') throw new Error(`${message} CI needs it: start a MariaDB server or set TEST_DATABASE_URL.`);
    const bar = '!'.repeat(100);
    console.error(`\n${bar}\n!! ${message}\n!! THE MARIADB SUITE IS SKIPPED. Start MariaDB (see README) to run it.\n${bar}\n`);
    process.env.BEC_MARIADB_UNAVAILABLE = '1';
  }
};
