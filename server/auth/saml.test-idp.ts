/**
 * A test identity provider: signs real SAML responses with a key and certificate made at run time.
 * Used by the tests (test/support/test-idp.ts) and, only when SAML_TEST_IDP=true, by the demo at
 * /auth/saml/test-idp. Never loaded on the production path: saml.service.ts and app.ts import it
 * dynamically behind that flag. Its dependencies (selfsigned, xml-crypto) are dev dependencies.
 */
import { constants, createCipheriv, createSign, publicEncrypt, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { Router, urlencoded } from 'express';
import selfsigned from 'selfsigned';
import { SignedXml } from 'xml-crypto';
import type { Config } from '../config.js';
import { serviceProvider } from './saml.service.js';
import type { IdentityProviderConfig } from './saml.repository.js';
import { DEFAULT_MAPPING } from './saml.repository.js';

export interface TestIdpKeys {
  privateKey: string;
  cert: string;
}

export function makeTestIdpKeys(commonName = 'BEC test IdP'): TestIdpKeys {
  const pems = selfsigned.generate([{ name: 'commonName', value: commonName }], { keySize: 2048, days: 2, algorithm: 'sha256' });
  return { privateKey: pems.private, cert: pems.cert };
}

export const TEST_IDP_ENTITY_ID = 'urn:bec:test-idp';
const NS_P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const NS_A = 'urn:oasis:names:tc:SAML:2.0:assertion';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const samlId = () => `_${randomBytes(16).toString('hex')}`;
const iso = (ms: number) => new Date(ms).toISOString();

export interface AssertionInput {
  inResponseTo: string;
  destination: string;
  recipient?: string;
  audience: string;
  nameId: string;
  /** Raw XML for the NameID content (attack tests); replaces the escaped nameId. */
  nameIdXml?: string;
  attributes?: Record<string, string | string[]>;
  issuer?: string;
  assertionId?: string;
  notBefore?: number;
  notOnOrAfter?: number;
  now?: number;
  /** the AuthnStatement's SessionIndex (random when absent) */
  sessionIndex?: string;
}

export function assertionXml(a: AssertionInput): string {
  const now = a.now ?? Date.now();
  const notBefore = iso(a.notBefore ?? now - 60_000);
  const notOnOrAfter = iso(a.notOnOrAfter ?? now + 5 * 60_000);
  const issuer = esc(a.issuer ?? TEST_IDP_ENTITY_ID);
  const attrs = Object.entries(a.attributes ?? {})
    .map(
      ([name, v]) =>
        `<saml:Attribute Name="${esc(name)}">${([] as string[])
          .concat(v)
          .map((x) => `<saml:AttributeValue>${esc(x)}</saml:AttributeValue>`)
          .join('')}</saml:Attribute>`,
    )
    .join('');
  return (
    `<saml:Assertion xmlns:saml="${NS_A}" ID="${a.assertionId ?? samlId()}" Version="2.0" IssueInstant="${iso(now)}">` +
    `<saml:Issuer>${issuer}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${a.nameIdXml ?? esc(a.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData InResponseTo="${esc(a.inResponseTo)}" NotOnOrAfter="${notOnOrAfter}" Recipient="${esc(a.recipient ?? a.destination)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${notBefore}" NotOnOrAfter="${notOnOrAfter}"><saml:AudienceRestriction><saml:Audience>${esc(a.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${iso(now)}" SessionIndex="${esc(a.sessionIndex ?? samlId())}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    (attrs ? `<saml:AttributeStatement>${attrs}</saml:AttributeStatement>` : '') +
    `</saml:Assertion>`
  );
}

/**
 * Signs the root element of `xml` (enveloped, exclusive c14n, RSA-SHA256), the signature after
 * its Issuer, or first in it when it has none (`first`).
 */
export function signRoot(xml: string, keys: TestIdpKeys, first = false): string {
  const sig = new SignedXml({
    privateKey: keys.privateKey,
    publicCert: keys.cert,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  sig.addReference({
    xpath: '/*',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
  });
  sig.computeSignature(xml, {
    location: first ? { reference: '/*', action: 'prepend' } : { reference: "/*/*[local-name(.)='Issuer']", action: 'after' },
  });
  return sig.getSignedXml();
}

export interface ResponseInput extends AssertionInput {
  signAssertion?: boolean;
  signResponse?: boolean;
  responseId?: string;
  /** Replaces the (signed) assertion inside the response: attack tests. */
  wrapAssertion?: (signedAssertion: string) => string;
  /** The response's own Issuer when it differs from the assertion's (`issuer`); null leaves it out. */
  responseIssuer?: string | null;
  /** The top-level StatusCode (default Success); a nested second-level code may follow after a space. */
  status?: string;
  /** Encrypts the (signed) assertion to this SP certificate: an EncryptedAssertion. */
  encryptFor?: string;
}

const STATUS = 'urn:oasis:names:tc:SAML:2.0:status:';

/**
 * XML Encryption of an element for the holder of `cert`: AES-256-GCM content, the key in an
 * RSA-OAEP (MGF1, SHA-1) EncryptedKey, as Shibboleth and ADFS send it.
 */
export function encryptElement(xml: string, cert: string, wrapper = 'saml:EncryptedAssertion'): string {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([iv, cipher.update(xml, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const wrapped = publicEncrypt({ key: cert, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' }, key);
  const b64 = cert.replace(/-----[^-]+-----|\s/g, '');
  return (
    `<${wrapper}><xenc:EncryptedData xmlns:xenc="http://www.w3.org/2001/04/xmlenc#" Type="http://www.w3.org/2001/04/xmlenc#Element">` +
    `<xenc:EncryptionMethod Algorithm="http://www.w3.org/2009/xmlenc11#aes256-gcm"/>` +
    `<ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><xenc:EncryptedKey>` +
    `<xenc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p"><ds:DigestMethod Algorithm="http://www.w3.org/2000/09/xmldsig#sha1"/></xenc:EncryptionMethod>` +
    `<ds:KeyInfo><ds:X509Data><ds:X509Certificate>${b64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo>` +
    `<xenc:CipherData><xenc:CipherValue>${wrapped.toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey></ds:KeyInfo>` +
    `<xenc:CipherData><xenc:CipherValue>${data.toString('base64')}</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData></${wrapper}>`
  );
}

export function responseXml(keys: TestIdpKeys, r: ResponseInput): string {
  const now = r.now ?? Date.now();
  let assertion = assertionXml(r);
  if (r.signAssertion !== false) assertion = signRoot(assertion, keys);
  if (r.encryptFor) assertion = encryptElement(assertion, r.encryptFor);
  if (r.wrapAssertion) assertion = r.wrapAssertion(assertion);
  const responseIssuer = r.responseIssuer === undefined ? (r.issuer ?? TEST_IDP_ENTITY_ID) : r.responseIssuer;
  const [status, nested] = (r.status ?? 'Success').split(' ');
  const xml =
    `<samlp:Response xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="${r.responseId ?? samlId()}" Version="2.0" IssueInstant="${iso(now)}" Destination="${esc(r.destination)}" InResponseTo="${esc(r.inResponseTo)}">` +
    (responseIssuer === null ? '' : `<saml:Issuer>${esc(responseIssuer)}</saml:Issuer>`) +
    `<samlp:Status><samlp:StatusCode Value="${STATUS}${esc(status)}">${nested ? `<samlp:StatusCode Value="${STATUS}${esc(nested)}"/>` : ''}</samlp:StatusCode></samlp:Status>` +
    assertion +
    `</samlp:Response>`;
  // Without its Issuer the signature goes first (signRoot places it after the Issuer).
  if (r.signResponse === false) return xml;
  return signRoot(xml, keys, responseIssuer === null);
}

export interface LogoutRequestInput {
  destination: string;
  nameId: string;
  sessionIndexes?: string[];
  issuer?: string;
  id?: string;
  now?: number;
  signed?: boolean;
}

/** A LogoutRequest from the IdP (IdP-initiated single logout), signed unless `signed: false`. */
export function logoutRequestXml(keys: TestIdpKeys, l: LogoutRequestInput): string {
  const now = l.now ?? Date.now();
  const xml =
    `<samlp:LogoutRequest xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="${l.id ?? samlId()}" Version="2.0" IssueInstant="${iso(now)}" Destination="${esc(l.destination)}" NotOnOrAfter="${iso(now + 5 * 60_000)}">` +
    `<saml:Issuer>${esc(l.issuer ?? TEST_IDP_ENTITY_ID)}</saml:Issuer>` +
    `<saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${esc(l.nameId)}</saml:NameID>` +
    (l.sessionIndexes ?? []).map((i) => `<samlp:SessionIndex>${esc(i)}</samlp:SessionIndex>`).join('') +
    `</samlp:LogoutRequest>`;
  return l.signed === false ? xml : signRoot(xml, keys);
}

/** The IdP's LogoutResponse to our LogoutRequest, signed unless `signed: false`. */
export function logoutResponseXml(
  keys: TestIdpKeys,
  l: { inResponseTo: string; destination: string; issuer?: string; status?: string; signed?: boolean },
): string {
  const xml =
    `<samlp:LogoutResponse xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="${samlId()}" Version="2.0" IssueInstant="${iso(Date.now())}" Destination="${esc(l.destination)}" InResponseTo="${esc(l.inResponseTo)}">` +
    `<saml:Issuer>${esc(l.issuer ?? TEST_IDP_ENTITY_ID)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="${STATUS}${esc(l.status ?? 'Success')}"/></samlp:Status>` +
    `</samlp:LogoutResponse>`;
  return l.signed === false ? xml : signRoot(xml, keys);
}

/**
 * The query string of a redirect-binding message (SAML bindings 3.4.4.1): the XML deflated, then
 * `SAMLRequest=…&RelayState=…&SigAlg=…` signed with the IdP's key (`sigAlg: null`: unsigned).
 */
export function redirectQuery(
  keys: TestIdpKeys,
  xml: string,
  options: { relayState?: string; sigAlg?: 'sha256' | 'sha1' | null; param?: 'SAMLRequest' | 'SAMLResponse' } = {},
): string {
  let query = `${options.param ?? 'SAMLRequest'}=${encodeURIComponent(deflateRawSync(Buffer.from(xml, 'utf8')).toString('base64'))}`;
  if (options.relayState) query += `&RelayState=${encodeURIComponent(options.relayState)}`;
  const alg = options.sigAlg === undefined ? 'sha256' : options.sigAlg;
  if (!alg) return query;
  const uri = alg === 'sha1' ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
  query += `&SigAlg=${encodeURIComponent(uri)}`;
  const signature = createSign(alg === 'sha1' ? 'RSA-SHA1' : 'RSA-SHA256')
    .update(query)
    .sign(keys.privateKey, 'base64');
  return `${query}&Signature=${encodeURIComponent(signature)}`;
}

/** The AuthnRequest id inside a redirect-binding SAMLRequest parameter. */
export function requestIdOf(samlRequest: string): string {
  const xml = inflateRawSync(Buffer.from(samlRequest, 'base64')).toString('utf8');
  const id = /\sID="([^"]+)"/.exec(xml)?.[1];
  if (!id) throw new Error('no ID in the AuthnRequest');
  return id;
}

// ---- The demo's IdP page (SAML_TEST_IDP=true only) ----

let demoKeys: TestIdpKeys | null = null;
const keysForDemo = () => (demoKeys ??= makeTestIdpKeys('BEC demo IdP'));

export function demoIdentityProvider(config: Config): Omit<IdentityProviderConfig, 'updatedAt'> {
  return {
    name: 'default',
    entityId: TEST_IDP_ENTITY_ID,
    ssoUrl: serviceProvider(config).testIdpUrl,
    sloUrl: null,
    certificates: [keysForDemo().cert],
    attributeMapping: DEFAULT_MAPPING,
    metadataXml: null,
    // The demo signs in anyone as anything: it sets role and distributor of the demo's users.
    authoritative: true,
    signAuthnRequests: false,
    requireEncryptedAssertions: false,
    allowedRoles: null,
    allowedDistributorIds: null,
  };
}

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>BEC test identity provider</title>` +
  `<style>body{font:15px system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.6rem 0}input,select{font:inherit;margin-left:.5rem}.warn{background:#fff3cd;padding:.6rem;border-radius:4px}</style></head>` +
  `<body><p class="warn">Test identity provider (SAML_TEST_IDP=true). Not for production.</p>${body}</body></html>`;

/** GET shows a sign-in form for any demo identity; POST signs a response and hands it to the browser for the ACS. */
export function testIdpRouter(config: Config) {
  const r = Router();
  const sp = serviceProvider(config);
  r.get('/', (req, res) => {
    const samlRequest = typeof req.query.SAMLRequest === 'string' ? req.query.SAMLRequest : '';
    const relay = typeof req.query.RelayState === 'string' ? req.query.RelayState : '/';
    let requestId: string;
    try {
      requestId = requestIdOf(samlRequest);
    } catch {
      res.status(400).type('html').send(page('<p>Open <a href="/auth/saml/login">/auth/saml/login</a> to start a sign-in.</p>'));
      return;
    }
    res
      .type('html')
      .send(
        page(
          `<h1>Sign in</h1><form method="post" action="/auth/saml/test-idp">` +
            `<input type="hidden" name="requestId" value="${esc(requestId)}"><input type="hidden" name="RelayState" value="${esc(relay)}">` +
            `<label>Email<input name="email" type="email" required value="sso.admin@voltaic.example"></label>` +
            `<label>Name<input name="displayName" value="SSO Admin"></label>` +
            `<label>Role<select name="role"><option>vendor_admin</option><option>channel_manager</option><option>finance</option><option>distributor_user</option></select></label>` +
            `<label>Distributor (for distributor_user)<input name="distributor" value="Arrowhead Components"></label>` +
            `<button type="submit">Sign in</button></form>`,
        ),
      );
  });
  r.post('/', urlencoded({ extended: false, limit: '16kb' }), (req, res) => {
    const b = req.body as Record<string, string>;
    const xml = responseXml(keysForDemo(), {
      inResponseTo: String(b.requestId ?? ''),
      destination: sp.acsUrl,
      audience: sp.entityId,
      nameId: String(b.email ?? ''),
      attributes: {
        email: String(b.email ?? ''),
        displayName: String(b.displayName ?? ''),
        role: String(b.role ?? ''),
        distributor: String(b.distributor ?? ''),
      },
    });
    res
      .type('html')
      .send(
        page(
          `<h1>Signed in at the IdP</h1><form method="post" action="${esc(sp.acsUrl)}">` +
            `<input type="hidden" name="SAMLResponse" value="${Buffer.from(xml).toString('base64')}">` +
            `<input type="hidden" name="RelayState" value="${esc(String(b.RelayState ?? '/'))}">` +
            `<button type="submit">Continue to BEC</button></form>`,
        ),
      );
  });
  return r;
}
