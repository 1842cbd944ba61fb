/**
 * A jsforce connection, authenticated with the OAuth 2.0 username-password flow or the JWT bearer
 * flow. jsforce refreshes the session itself on a 401 (INVALID_SESSION_ID) through the refresh
 * function given here, then replays the request.
 */
import { createSign, randomUUID } from 'node:crypto';
import jsforce from 'jsforce';
import type { SalesforceSettings } from './settings.js';

export type SalesforceConnection = InstanceType<typeof jsforce.Connection>;

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** The signed assertion of the JWT bearer flow (RFC 7523), as Salesforce expects it: RS256, 3-minute expiry. */
export function jwtAssertion(clientId: string, username: string, audience: string, privateKey: string, now = Date.now()): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const claims = b64url(
    JSON.stringify({ iss: clientId, sub: username, aud: audience, exp: Math.floor(now / 1000) + 180, jti: randomUUID() }),
  );
  const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(privateKey);
  return `${header}.${claims}.${b64url(signature)}`;
}

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** Opens an authenticated connection. Throws a clear error when the credentials are refused. */
export async function connectSalesforce(settings: SalesforceSettings): Promise<SalesforceConnection> {
  const { auth, loginUrl, apiVersion: version } = settings;
  if (auth.flow === 'password') {
    const conn = new jsforce.Connection({
      loginUrl,
      version,
      oauth2: { loginUrl, clientId: auth.clientId, clientSecret: auth.clientSecret },
    });
    // login() installs a refresh function that logs in again when the session expires.
    await conn.login(auth.username, auth.password);
    return conn;
  }
  // The JWT flow has no refresh token: a fresh assertion is the refresh.
  const audience = /(^|\.)test\.salesforce\.com$/.test(new URL(loginUrl).hostname)
    ? 'https://test.salesforce.com'
    : loginUrl.replace(/\/$/, '');
  const grant = () => ({ grant_type: JWT_GRANT, assertion: jwtAssertion(auth.clientId, auth.username, audience, auth.privateKey) });
  const conn: SalesforceConnection = new jsforce.Connection({
    loginUrl,
    version,
    oauth2: { loginUrl, clientId: auth.clientId },
    refreshFn: (c, callback) => {
      c.oauth2
        .requestToken(grant())
        .then((res) => {
          c.accessToken = res.access_token;
          if (res.instance_url) c.instanceUrl = res.instance_url;
          callback(undefined, res.access_token, res);
        })
        .catch((err: Error) => callback(err));
    },
  });
  await conn.authorize(grant());
  return conn;
}

/**
 * One authenticated connection per settings, reused across runs and write-backs: Salesforce limits
 * logins per user and hour, and jsforce renews the session itself when it expires.
 */
let cached: { settings: SalesforceSettings; conn: Promise<SalesforceConnection> } | null = null;
export function sharedConnection(settings: SalesforceSettings): Promise<SalesforceConnection> {
  if (cached?.settings !== settings) {
    const conn = connectSalesforce(settings);
    cached = { settings, conn };
    // A refused login is not kept: the next call tries again.
    conn.catch(() => {
      if (cached?.conn === conn) cached = null;
    });
  }
  return cached.conn;
}
