/**
 * SAML 2.0 single sign-on through @node-saml/passport-saml's SAML engine (the same one the passport
 * Strategy wraps; used directly because our sessions live in the database, not in passport's session).
 * node-saml checks the signatures (response AND assertion), the audience, the time conditions with
 * a clock skew and InResponseTo; what it does not do, done here: Destination and Recipient against
 * our ACS URL, a database-backed request-id cache consumed atomically, an assertion-id replay cache.
 */
import { SAML, ValidateInResponseTo, generateServiceProviderMetadata, type Profile } from '@node-saml/passport-saml';
import { inflateRawSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { ROLES, type Role } from '../../core/domain.js';
import type { Config } from '../config.js';
import * as repo from './saml.repository.js';

const REQUEST_TTL_MS = 10 * 60_000;
const MAX_RESPONSE_CHARS = 256 * 1024;
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

/** A refused SAML response: the router answers 401 and audits the reason. */
export class SsoError extends Error {
  constructor(
    message: string,
    readonly inResponseTo: string | null = null,
  ) {
    super(message);
  }
}

export function serviceProvider(config: Config) {
  const base = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  return {
    acsUrl: `${base}/auth/saml/acs`,
    entityId: config.samlSpEntityId ?? `${base}/auth/saml/metadata`,
    testIdpUrl: `${base}/auth/saml/test-idp`,
  };
}

export function metadataXml(config: Config): string {
  const sp = serviceProvider(config);
  return generateServiceProviderMetadata({
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    identifierFormat: null,
    wantAssertionsSigned: true,
  });
}

function samlFor(idp: repo.IdentityProviderConfig, config: Config) {
  const sp = serviceProvider(config);
  return new SAML({
    entryPoint: idp.ssoUrl,
    logoutUrl: idp.sloUrl ?? idp.ssoUrl,
    issuer: sp.entityId,
    audience: sp.entityId,
    callbackUrl: sp.acsUrl,
    idpCert: idp.certificates,
    idpIssuer: idp.entityId,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: true,
    acceptedClockSkewMs: config.samlClockSkewSeconds * 1000,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: REQUEST_TTL_MS,
    cacheProvider: repo.databaseRequestCache(REQUEST_TTL_MS),
    identifierFormat: null,
    disableRequestedAuthnContext: true,
  });
}

export async function identityProvider(config: Config) {
  const idp = await repo.findIdentityProvider();
  if (!config.samlTestIdp) return idp;
  // Demo only (SAML_TEST_IDP=true): the local test IdP, loaded on first use. Its key is made at
  // boot, so a restarted demo refreshes the stored certificate; a real IdP, once configured, stays.
  const { demoIdentityProvider, TEST_IDP_ENTITY_ID } = await import('./saml.test-idp.js');
  if (idp && idp.entityId !== TEST_IDP_ENTITY_ID) return idp;
  const demo = demoIdentityProvider(config);
  if (idp && idp.certificates.join() === demo.certificates.join() && idp.ssoUrl === demo.ssoUrl) return idp;
  return repo.saveIdentityProvider(demo);
}

/** Only a local path may follow a login: no open redirect. */
export const safeReturnPath = (value: unknown) =>
  typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) && value.length <= 500 ? value : '/';

/** The IdP URL to send the browser to, with a new AuthnRequest whose id is stored in the database. */
export async function loginUrl(config: Config, returnTo: string): Promise<{ url: string; requestId: string }> {
  const idp = await identityProvider(config);
  if (!idp) throw new SsoError('single sign-on is not configured');
  const url = await samlFor(idp, config).getAuthorizeUrlAsync(safeReturnPath(returnTo), undefined, {});
  const request = inflateRawSync(Buffer.from(new URL(url).searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
  const requestId = /\sID="([^"]+)"/.exec(request)?.[1];
  if (!requestId) throw new Error('node-saml produced an AuthnRequest without an ID');
  return { url, requestId };
}

function parseStrict(xml: string) {
  const problems: string[] = [];
  const report = (m: string) => problems.push(m);
  const doc = new DOMParser({ locator: {}, errorHandler: { warning: () => {}, error: report, fatalError: report } }).parseFromString(
    xml,
    'text/xml',
  );
  if (problems.length || !doc?.documentElement) throw new SsoError('the SAML response is not well-formed XML');
  return doc;
}

type El = Element;
const children = (el: El, localName: string): El[] =>
  Array.from(el.childNodes as unknown as ArrayLike<Node>).filter((n): n is El => n.nodeType === 1 && (n as El).localName === localName);

export interface VerifiedAssertion {
  profile: Profile;
  assertionId: string;
  issuer: string;
  notOnOrAfter: Date;
}

/** Every check on a POSTed SAMLResponse; throws SsoError, never returns an unverified profile. */
export async function verifyResponse(config: Config, samlResponse: unknown, startedHere?: string): Promise<VerifiedAssertion> {
  if (typeof samlResponse !== 'string' || !samlResponse || samlResponse.length > MAX_RESPONSE_CHARS) throw new SsoError('no SAMLResponse');
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  // Comments split text nodes (NameID truncation, CVE-2017-11427 family); IdPs never send them.
  if (xml.includes('<!--')) throw new SsoError('XML comments are not accepted in a SAML response');
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new SsoError('a DOCTYPE is not accepted in a SAML response');
  const doc = parseStrict(xml);
  const root = doc.documentElement!;
  if (root.localName !== 'Response') throw new SsoError('the document is not a SAML Response');
  const sp = serviceProvider(config);
  const inResponseTo = root.getAttribute('InResponseTo') || null;
  if (root.getAttribute('Destination') !== sp.acsUrl) throw new SsoError('the response Destination is not our ACS URL', inResponseTo);
  if (!inResponseTo) throw new SsoError('the response has no InResponseTo (unsolicited responses are refused)');
  // Login CSRF: the request must have been started in this browser. Required when cookies are Secure
  // (the binding cookie is then SameSite=None, so the IdP's cross-site POST carries it).
  if ((config.cookieSecure || startedHere) && startedHere !== inResponseTo) {
    throw new SsoError('this login was not started in this browser', inResponseTo);
  }
  if (!(await repo.consumeRequestId(inResponseTo))) throw new SsoError('unknown, expired or already answered InResponseTo', inResponseTo);

  const idp = await identityProvider(config);
  if (!idp) throw new SsoError('single sign-on is not configured', inResponseTo);
  let profile: Profile | null;
  try {
    ({ profile } = await samlFor(idp, config).validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (e) {
    throw new SsoError(`rejected by the SAML validator: ${(e as Error).message}`.slice(0, 300), inResponseTo);
  }
  if (!profile) throw new SsoError('the response carries no assertion', inResponseTo);

  // What follows reads only the assertion node-saml verified the signature of.
  const assertion = parseStrict(profile.getAssertionXml!()).documentElement!;
  const assertionId = assertion.getAttribute('ID');
  if (!assertionId) throw new SsoError('the assertion has no ID', inResponseTo);
  const subject = children(assertion, 'Subject')[0];
  const confirmations = subject ? children(subject, 'SubjectConfirmation').filter((c) => c.getAttribute('Method') === BEARER) : [];
  const data = confirmations.flatMap((c) => children(c, 'SubjectConfirmationData'));
  if (!data.length || data.some((d) => d.getAttribute('Recipient') !== sp.acsUrl)) {
    throw new SsoError('the assertion Recipient is not our ACS URL', inResponseTo);
  }
  const times = [
    ...children(assertion, 'Conditions').map((c) => c.getAttribute('NotOnOrAfter')),
    ...data.map((d) => d.getAttribute('NotOnOrAfter')),
  ]
    .filter((v): v is string => !!v)
    .map((v) => Date.parse(v))
    .filter((v) => Number.isFinite(v));
  if (!times.length) throw new SsoError('the assertion has no NotOnOrAfter', inResponseTo);
  const notOnOrAfter = new Date(Math.min(...times) + config.samlClockSkewSeconds * 1000);
  if (!(await repo.rememberAssertion(assertionId, profile.issuer ?? idp.entityId, notOnOrAfter))) {
    throw new SsoError('this assertion was already used (replay)', inResponseTo);
  }
  return { profile, assertionId, issuer: profile.issuer ?? idp.entityId, notOnOrAfter };
}

const first = (v: unknown): string | null => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' && x.trim() ? x.trim() : null;
};

/** Maps the verified assertion's attributes to a user (created or updated) with role and distributor. */
export async function userFromAssertion(config: Config, verified: VerifiedAssertion) {
  const idp = (await identityProvider(config))!;
  const m = idp.attributeMapping;
  const attrs = (verified.profile.attributes ?? {}) as Record<string, unknown>;
  const subject = verified.profile.nameID;
  if (!subject) throw new SsoError('the assertion has no NameID');
  const email = first(attrs[m.email]) ?? (subject.includes('@') ? subject : null);
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 200) throw new SsoError('the assertion carries no usable email');
  const roleValues = ([] as unknown[])
    .concat(attrs[m.role] ?? [])
    .map(first)
    .filter((v): v is string => !!v);
  const roles = roleValues.map((v) => m.roleMap[v] ?? v).filter((v): v is Role => (ROLES as readonly string[]).includes(v));
  // Several groups: the least privileged wins, never the most.
  const role = [...ROLES].reverse().find((r) => roles.includes(r));
  if (!role) throw new SsoError('the assertion carries no known role');
  let distributorId: number | null = null;
  if (role === 'distributor_user') {
    const d = first(attrs[m.distributor]);
    distributorId = d ? await repo.findDistributorId(d) : null;
    if (!distributorId) throw new SsoError('a distributor user must name a known distributor');
  }
  const name = (first(attrs[m.name]) ?? email).slice(0, 200);
  return repo.upsertSsoUser({ provider: verified.issuer, subject, email, name, role, distributorId });
}

/** Reads an IdP metadata XML document: entity id, SSO and SLO URLs (HTTP-Redirect), signing certificates. */
export function parseIdpMetadata(xml: string): Pick<repo.IdentityProviderConfig, 'entityId' | 'ssoUrl' | 'sloUrl' | 'certificates'> {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new SsoError('a DOCTYPE is not accepted in metadata');
  const root = parseStrict(xml).documentElement!;
  const entity = root.localName === 'EntityDescriptor' ? root : children(root, 'EntityDescriptor')[0];
  const idpSso = entity && children(entity, 'IDPSSODescriptor')[0];
  if (!entity || !idpSso) throw new SsoError('the metadata has no IDPSSODescriptor');
  const redirect = (name: string) =>
    children(idpSso, name)
      .find((s) => s.getAttribute('Binding') === 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect')
      ?.getAttribute('Location') ?? null;
  const certificates = children(idpSso, 'KeyDescriptor')
    .filter((k) => (k.getAttribute('use') ?? 'signing') === 'signing')
    .flatMap((k) =>
      Array.from(k.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'X509Certificate') as unknown as ArrayLike<Element>),
    )
    .map((c) => (c.textContent ?? '').replace(/\s+/g, ''))
    .filter(Boolean)
    .map((b64) => `-----BEGIN CERTIFICATE-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`);
  const ssoUrl = redirect('SingleSignOnService');
  const entityId = entity.getAttribute('entityID');
  if (!entityId || !ssoUrl || !certificates.length)
    throw new SsoError('the metadata needs an entityID, an HTTP-Redirect SingleSignOnService and a signing certificate');
  return { entityId, ssoUrl, sloUrl: redirect('SingleLogoutService'), certificates };
}
