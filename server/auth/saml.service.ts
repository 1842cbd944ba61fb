/**
 * SAML 2.0 single sign-on through @node-saml/passport-saml's SAML engine (the same one the passport
 * Strategy wraps; used directly because our sessions live in the database, not in passport's session).
 * node-saml checks the signatures (response AND assertion), the audience, the time conditions with
 * a clock skew, InResponseTo, and decrypts an encrypted assertion; what it does not do, done here:
 * the IdP chosen by the response's Issuer and both Issuers checked against it, only a `Success`
 * status signs in, Destination and Recipient against our ACS URL, a database-backed request-id
 * cache consumed atomically (a request answers only the IdP it was sent to), an assertion-id replay
 * cache, and IdP-initiated logout (a signed LogoutRequest).
 */
import { SAML, ValidateInResponseTo, generateServiceProviderMetadata, type Profile } from '@node-saml/passport-saml';
import { inflateRawSync } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { ROLES, type Role } from '../../core/domain.js';
import { permissionsGained } from '../../core/permissions.js';
import type { SsoSessionLink } from './auth.repository.js';
import type { Config } from '../config.js';
import * as repo from './saml.repository.js';

const REQUEST_TTL_MS = 10 * 60_000;
const MAX_RESPONSE_CHARS = 256 * 1024;
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';
const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

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
    /** where an IdP sends its LogoutRequest (HTTP-POST or HTTP-Redirect binding) */
    logoutUrl: `${base}/auth/saml/logout`,
    entityId: config.samlSpEntityId ?? `${base}/auth/saml/metadata`,
    testIdpUrl: `${base}/auth/saml/test-idp`,
  };
}

/** Our key pair, when configured: signs AuthnRequests and LogoutResponses, decrypts assertions. */
const spKeys = (config: Config) =>
  config.samlSpPrivateKey && config.samlSpCertificate ? { privateKey: config.samlSpPrivateKey, cert: config.samlSpCertificate } : null;

export function metadataXml(config: Config): string {
  const sp = serviceProvider(config);
  const keys = spKeys(config);
  return generateServiceProviderMetadata({
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    logoutCallbackUrl: sp.logoutUrl,
    identifierFormat: null,
    wantAssertionsSigned: true,
    ...(keys ? { privateKey: keys.privateKey, publicCerts: keys.cert, decryptionPvk: keys.privateKey, decryptionCert: keys.cert } : {}),
  });
}

/** `inResponseToCheckedHere`: node-saml reads InResponseTo of a `Response` only, so for a LogoutResponse we check it. */
function samlFor(idp: repo.IdentityProviderConfig, config: Config, inResponseToCheckedHere = false) {
  const sp = serviceProvider(config);
  const keys = spKeys(config);
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
    validateInResponseTo: inResponseToCheckedHere ? ValidateInResponseTo.never : ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: REQUEST_TTL_MS,
    cacheProvider: repo.databaseRequestCache(REQUEST_TTL_MS, idp.name),
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    // node-saml signs every redirect-binding message once it has a private key.
    ...(keys && idp.signAuthnRequests ? { privateKey: keys.privateKey, signatureAlgorithm: 'sha256' as const } : {}),
    ...(keys ? { decryptionPvk: keys.privateKey } : {}),
  });
}

/** Demo only (SAML_TEST_IDP=true): configures the local test IdP as `default` unless a real one is. */
async function ensureDemoIdentityProvider(config: Config) {
  if (!config.samlTestIdp) return;
  // Loaded on first use. Its key is made at boot, so a restarted demo refreshes the stored
  // certificate; a real IdP, once configured, stays.
  const idp = await repo.findIdentityProvider();
  const { demoIdentityProvider, TEST_IDP_ENTITY_ID } = await import('./saml.test-idp.js');
  if (idp && idp.entityId !== TEST_IDP_ENTITY_ID) return;
  const demo = demoIdentityProvider(config);
  if (idp && idp.certificates.join() === demo.certificates.join() && idp.ssoUrl === demo.ssoUrl) return;
  await repo.saveIdentityProvider(demo);
}

/** The IdP a login starts at: the one named, else `default`, else the only one configured. */
export async function identityProvider(config: Config, name?: string) {
  await ensureDemoIdentityProvider(config);
  if (name) return repo.findIdentityProvider(name);
  const idp = await repo.findIdentityProvider();
  if (idp) return idp;
  const all = await repo.listIdentityProviders();
  return all.length === 1 ? all[0] : null;
}

/** Only a local path may follow a login: no open redirect. */
export const safeReturnPath = (value: unknown) =>
  typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(value) && value.length <= 500 ? value : '/';

/** The IdP URL to send the browser to, with a new AuthnRequest whose id is stored in the database. */
export async function loginUrl(config: Config, returnTo: string, idpName?: string): Promise<{ url: string; requestId: string }> {
  const idp = await identityProvider(config, idpName);
  if (!idp) throw new SsoError(idpName ? `no identity provider ${idpName}` : 'single sign-on is not configured');
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
  /** the identity provider the response's Issuer names, whose key signed it */
  idp: repo.IdentityProviderConfig;
  notOnOrAfter: Date;
}

/** The text of the single `Issuer` child of a SAML message, or null. */
const issuerOf = (el: El): string | null => {
  const issuers = children(el, 'Issuer');
  return issuers.length === 1 ? (issuers[0].textContent ?? '').trim() || null : null;
};

/** The decoded XML of a POSTed SAML message, refused when it is too large or carries comments or a DOCTYPE. */
function decodeMessage(message: unknown, what: string, deflated = false): { xml: string; root: El } {
  if (typeof message !== 'string' || !message || message.length > MAX_RESPONSE_CHARS) throw new SsoError(`no ${what}`);
  let xml: string;
  try {
    const bytes = Buffer.from(message, 'base64');
    // The redirect binding deflates; its output is capped (a small message can inflate to gigabytes).
    xml = (deflated ? inflateRawSync(bytes, { maxOutputLength: MAX_RESPONSE_CHARS }) : bytes).toString('utf8');
  } catch {
    throw new SsoError(`the ${what} cannot be inflated, or is too large`);
  }
  // Comments split text nodes (NameID truncation, CVE-2017-11427 family); IdPs never send them.
  if (xml.includes('<!--')) throw new SsoError(`XML comments are not accepted in a ${what}`);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new SsoError(`a DOCTYPE is not accepted in a ${what}`);
  return { xml, root: parseStrict(xml).documentElement! };
}

/** Every check on a POSTed SAMLResponse; throws SsoError, never returns an unverified profile. */
export async function verifyResponse(config: Config, samlResponse: unknown, startedHere?: string): Promise<VerifiedAssertion> {
  const { root } = decodeMessage(samlResponse, 'SAMLResponse');
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
  // Only a Success status signs in, whatever the response carries besides (node-saml reads the
  // status only when there is no assertion). Refusing before the signature check gives nothing away.
  const statuses = children(root, 'Status').flatMap((st) => children(st, 'StatusCode'));
  const status = statuses.length === 1 ? statuses[0].getAttribute('Value') : null;
  if (status !== SUCCESS) throw new SsoError(`the response status is not Success (${status ?? 'none'})`.slice(0, 200), inResponseTo);

  // The IdP is the one the response's Issuer names; its own key must have signed the response
  // (wantAuthnResponseSigned), so the Issuer read here is then authenticated, and the assertion's
  // Issuer must name it too.
  await ensureDemoIdentityProvider(config);
  const issuer = issuerOf(root);
  if (!issuer) throw new SsoError('the response has no Issuer', inResponseTo);
  const idp = await repo.findIdentityProviderByEntityId(issuer);
  if (!idp) throw new SsoError('the response Issuer is not a configured identity provider', inResponseTo);
  if (idp.requireEncryptedAssertions && (children(root, 'EncryptedAssertion').length !== 1 || children(root, 'Assertion').length))
    throw new SsoError('this identity provider must encrypt its assertions', inResponseTo);
  if (!(await repo.consumeRequestId(inResponseTo, idp.name)))
    throw new SsoError('unknown, expired or already answered InResponseTo, or a request sent to another identity provider', inResponseTo);

  let profile: Profile | null;
  try {
    ({ profile } = await samlFor(idp, config).validatePostResponseAsync({ SAMLResponse: samlResponse as string }));
  } catch (e) {
    throw new SsoError(`rejected by the SAML validator: ${(e as Error).message}`.slice(0, 300), inResponseTo);
  }
  if (!profile) throw new SsoError('the response carries no assertion', inResponseTo);

  // What follows reads only the assertion node-saml verified the signature of (decrypted if it was encrypted).
  const assertionXml = profile.getAssertionXml!();
  if (assertionXml.includes('<!--')) throw new SsoError('XML comments are not accepted in an assertion', inResponseTo);
  const assertion = parseStrict(assertionXml).documentElement!;
  if (issuerOf(assertion) !== idp.entityId)
    throw new SsoError('the assertion Issuer is not the identity provider of the response', inResponseTo);
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
  if (!(await repo.rememberAssertion(assertionId, idp.entityId, notOnOrAfter))) {
    throw new SsoError('this assertion was already used (replay)', inResponseTo);
  }
  return { profile, assertionId, idp, notOnOrAfter };
}

const first = (v: unknown): string | null => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' && x.trim() ? x.trim() : null;
};

/**
 * Why an IdP that is not authoritative may not apply what it asserts to an existing user, or null:
 * it may rename the user and lower its role, but not raise it (any permission gained), move it to
 * another distributor, or claim an account it is not yet linked to by matching its email.
 */
export function nonAuthoritativeChange(
  existing: { role: Role; distributorId: number | null },
  asserted: { role: Role; distributorId: number | null },
  linked: boolean,
): string | null {
  if (!linked) return 'it may not claim an existing account by its email';
  const gained = permissionsGained(existing.role, asserted.role);
  if (gained.length) return `it may not raise the user's role from ${existing.role} to ${asserted.role} (${gained.join(', ')})`;
  if (asserted.distributorId !== existing.distributorId) return 'it may not move the user to another distributor';
  return null;
}

/** Maps the verified assertion's attributes to a user (created or updated) with role and distributor. */
export async function userFromAssertion(verified: VerifiedAssertion) {
  const { idp } = verified;
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
  // Its limits hold for new users and old, authoritative or not: a distributor's IdP gives its own staff only.
  if (idp.allowedRoles && !idp.allowedRoles.includes(role))
    throw new SsoError(`identity provider ${idp.name} may not give the role ${role}`);
  let distributorId: number | null = null;
  if (role === 'distributor_user') {
    const d = first(attrs[m.distributor]);
    distributorId = d ? await repo.findDistributorId(d) : null;
    if (!distributorId) throw new SsoError('a distributor user must name a known distributor');
    if (idp.allowedDistributorIds && !idp.allowedDistributorIds.includes(distributorId))
      throw new SsoError(`identity provider ${idp.name} may not sign in users of distributor ${distributorId}`);
  }
  const name = (first(attrs[m.name]) ?? email).slice(0, 200);
  const provider = idp.entityId;
  const found = await repo.findSsoUser({ provider, subject, email });
  if (found && !idp.authoritative) {
    const refusal = nonAuthoritativeChange(found.user, { role, distributorId }, found.linked);
    if (refusal) throw new SsoError(`identity provider ${idp.name} is not authoritative for user ${found.user.id}: ${refusal}`);
  }
  const user = await repo.saveSsoUser({ userId: found?.user.id ?? null, provider, subject, email, name, role, distributorId });
  const before = found ? { role: found.user.role, distributorId: found.user.distributorId, name: found.user.name } : null;
  return { user, created: !found, before };
}

/** What a session opened from this assertion remembers, so that its IdP can end it. */
export const ssoSessionLink = (verified: VerifiedAssertion): SsoSessionLink => ({
  idpName: verified.idp.name,
  sessionIndex: verified.profile.sessionIndex ?? null,
  nameId: verified.profile.nameID,
  nameIdFormat: verified.profile.nameIDFormat ?? null,
});

const UNSPECIFIED_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified';

/**
 * Where to send a browser whose SSO session we just ended: its IdP's SLO URL with a LogoutRequest
 * naming the NameID and SessionIndex it signed in with (signed when the IdP wants signed requests;
 * its id stored like an AuthnRequest's, so only that IdP's LogoutResponse answers it), or the bare
 * SLO URL for a session without them, or null when the IdP has no SLO URL.
 */
export async function logoutRequestUrl(config: Config, sso: SsoSessionLink | null): Promise<string | null> {
  const idp = await repo.findIdentityProvider(sso?.idpName ?? 'default');
  if (!idp?.sloUrl) return null;
  if (!sso?.nameId) return idp.sloUrl;
  return samlFor(idp, config).getLogoutUrlAsync(
    {
      issuer: idp.entityId,
      nameID: sso.nameId,
      nameIDFormat: sso.nameIdFormat ?? UNSPECIFIED_FORMAT,
      ...(sso.sessionIndex ? { sessionIndex: sso.sessionIndex } : {}),
    },
    '',
    {},
  );
}

/**
 * The IdP's LogoutResponse to our LogoutRequest: signed by the IdP its Issuer names, answering a
 * LogoutRequest we sent it, once. The session already ended when we sent the request; this only
 * closes the round trip. Returns the IdP and whether it reports Success.
 */
export async function idpLogoutResponse(
  config: Config,
  message: LogoutMessage,
): Promise<{ idp: repo.IdentityProviderConfig; success: boolean }> {
  const post = message.binding === 'post';
  const raw = post ? message.samlMessage : message.query.SAMLResponse;
  const { root } = decodeMessage(raw, 'LogoutResponse', !post);
  if (root.localName !== 'LogoutResponse') throw new SsoError('the document is not a SAML LogoutResponse');
  const sp = serviceProvider(config);
  const destination = root.getAttribute('Destination');
  if (destination && destination !== sp.logoutUrl) throw new SsoError('the LogoutResponse Destination is not our logout URL');
  const issuer = issuerOf(root);
  const idp = issuer ? await repo.findIdentityProviderByEntityId(issuer) : null;
  if (!idp) throw new SsoError('the LogoutResponse Issuer is not a configured identity provider');
  const inResponseTo = root.getAttribute('InResponseTo');
  if (!inResponseTo) throw new SsoError('the LogoutResponse answers no LogoutRequest we sent this identity provider, or was used already');
  const saml = samlFor(idp, config, true);
  try {
    if (post) {
      // node-saml requires the root signature for a LogoutResponse (wantAuthnResponseSigned).
      await saml.validatePostResponseAsync({ SAMLResponse: raw as string });
    } else {
      const q = message.query;
      if (typeof q.Signature !== 'string' || typeof q.SigAlg !== 'string' || !REDIRECT_SIG_ALGS.includes(q.SigAlg))
        throw new Error('the redirect binding needs a Signature with SigAlg RSA-SHA256 or RSA-SHA512');
      assertUnambiguousQuery(message.rawQuery, 'SAMLResponse');
      const container = Object.fromEntries(
        ['SAMLResponse', 'RelayState', 'SigAlg', 'Signature'].filter((k) => typeof q[k] === 'string').map((k) => [k, q[k] as string]),
      );
      await saml.validateRedirectAsync(container, message.rawQuery);
    }
  } catch (e) {
    throw new SsoError(`rejected by the SAML validator: ${(e as Error).message}`.slice(0, 300));
  }
  // Consumed once verified: a forged answer carrying the id (it travels in the browser's URL) cannot burn it.
  if (!(await repo.consumeRequestId(inResponseTo, idp.name)))
    throw new SsoError('the LogoutResponse answers no LogoutRequest we sent this identity provider, or was used already');
  const codes = children(root, 'Status').flatMap((st) => children(st, 'StatusCode'));
  return { idp, success: codes.length === 1 && codes[0].getAttribute('Value') === SUCCESS };
}

/** Reads an IdP metadata XML document: entity id, SSO and SLO URLs (HTTP-Redirect), signing certificates. */
export function parseIdpMetadata(
  xml: string,
): Pick<repo.IdentityProviderConfig, 'entityId' | 'ssoUrl' | 'sloUrl' | 'certificates'> & { wantsSignedRequests: boolean } {
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
  return {
    entityId,
    ssoUrl,
    sloUrl: redirect('SingleLogoutService'),
    certificates,
    wantsSignedRequests: idpSso.getAttribute('WantAuthnRequestsSigned') === 'true',
  };
}

/** An identity provider's configuration as an admin sends it (`PUT /api/sso/identity-provider(s)`). */
export interface IdentityProviderInput {
  metadataXml?: string;
  entityId?: string;
  ssoUrl?: string;
  sloUrl?: string | null;
  certificates?: string[];
  attributeMapping?: Partial<repo.AttributeMapping>;
  authoritative?: boolean;
  signAuthnRequests?: boolean;
  requireEncryptedAssertions?: boolean;
  /** null lifts the limit; absent keeps it */
  allowedRoles?: Role[] | null;
  allowedDistributorIds?: number[] | null;
}

/**
 * Creates or replaces the IdP `name` from its metadata or from fields, or changes an existing one
 * (what is not sent is kept: fields, the mapping merged, switches and limits; signed requests are
 * also turned on when its metadata asks).
 * Throws SsoError for a configuration that cannot work; 'entity_id_taken' when another IdP has
 * that entity id (a response is matched to its IdP by Issuer).
 */
export async function configureIdentityProvider(config: Config, name: string, body: IdentityProviderInput) {
  const before = await repo.findIdentityProvider(name);
  let fields: Pick<repo.IdentityProviderConfig, 'entityId' | 'ssoUrl' | 'sloUrl' | 'certificates'>;
  let wantsSignedRequests = false;
  let metadataXml: string | null = null;
  if (body.metadataXml) {
    ({ wantsSignedRequests, ...fields } = parseIdpMetadata(body.metadataXml));
    metadataXml = body.metadataXml;
  } else if (body.entityId && body.ssoUrl && body.certificates)
    fields = { entityId: body.entityId, ssoUrl: body.ssoUrl, sloUrl: body.sloUrl ?? null, certificates: body.certificates };
  else if (before) {
    // A change to an IdP that exists: what is not sent is kept (a switch or a limit alone, say).
    fields = {
      entityId: body.entityId ?? before.entityId,
      ssoUrl: body.ssoUrl ?? before.ssoUrl,
      sloUrl: body.sloUrl === undefined ? before.sloUrl : body.sloUrl,
      certificates: body.certificates ?? before.certificates,
    };
    const changed = body.entityId || body.ssoUrl || body.sloUrl !== undefined || body.certificates;
    metadataXml = changed ? null : before.metadataXml;
  } else throw new SsoError('send metadataXml, or entityId, ssoUrl and certificates');
  const signAuthnRequests = body.signAuthnRequests ?? (wantsSignedRequests || (before?.signAuthnRequests ?? false));
  const requireEncryptedAssertions = body.requireEncryptedAssertions ?? before?.requireEncryptedAssertions ?? false;
  if ((signAuthnRequests || requireEncryptedAssertions) && !spKeys(config))
    throw new SsoError('signed requests and encrypted assertions need our key pair (SAML_SP_PRIVATE_KEY, SAML_SP_CERTIFICATE)');
  const allowedRoles = body.allowedRoles === undefined ? (before?.allowedRoles ?? null) : body.allowedRoles;
  const allowedDistributorIds =
    body.allowedDistributorIds === undefined ? (before?.allowedDistributorIds ?? null) : body.allowedDistributorIds;
  if (allowedDistributorIds && !(await repo.allDistributors(allowedDistributorIds)))
    throw new SsoError('allowedDistributorIds must name distributor accounts');
  const saved = await repo.saveIdentityProvider({
    name,
    ...fields,
    attributeMapping: { ...repo.DEFAULT_MAPPING, ...before?.attributeMapping, ...body.attributeMapping },
    metadataXml,
    authoritative: body.authoritative ?? before?.authoritative ?? false,
    signAuthnRequests,
    requireEncryptedAssertions,
    allowedRoles,
    allowedDistributorIds,
  });
  return { before, saved };
}

export interface IdpLogout {
  idp: repo.IdentityProviderConfig;
  /** sessions ended; null when the NameID names no user of this IdP */
  ended: number | null;
  /** where to send the browser: our LogoutResponse, to the IdP's SLO URL */
  responseUrl: string;
}

/** A LogoutRequest or LogoutResponse as it arrived: POSTed (signed XML), or in a redirect's query (signed query string). */
export type LogoutMessage =
  | { binding: 'post'; samlMessage: unknown; relayState: unknown }
  | { binding: 'redirect'; query: Record<string, unknown>; rawQuery: string };

/**
 * node-saml finds the signed parameters in a redirect's raw query by a regular expression: a
 * parameter whose name merely contains one of theirs, or one sent twice, makes that ambiguous.
 */
function assertUnambiguousQuery(rawQuery: string, message: 'SAMLRequest' | 'SAMLResponse') {
  const names = rawQuery.split('&').map((t) => t.split('=')[0]);
  for (const name of [message, 'RelayState', 'SigAlg', 'Signature'])
    if (names.filter((n) => n.includes(name)).length > 1 || names.some((n) => n.includes(name) && n !== name))
      throw new Error(`the query names ${name} ambiguously`);
}

/** The query signatures accepted on the redirect binding (no SHA-1). */
const REDIRECT_SIG_ALGS = ['http://www.w3.org/2001/04/xmldsig-more#rsa-sha256', 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512'];

/**
 * IdP-initiated logout: a LogoutRequest signed by the IdP its Issuer names (its XML on the POST
 * binding, its query string on the redirect binding), sent to our logout URL, recent and not seen
 * before; ends that IdP's sessions of the user its NameID names (of its SessionIndex values, when
 * it lists some) and answers with a LogoutResponse.
 */
export async function idpLogout(config: Config, message: LogoutMessage): Promise<IdpLogout> {
  const post = message.binding === 'post';
  const { root } = decodeMessage(post ? message.samlMessage : message.query.SAMLRequest, 'LogoutRequest', !post);
  if (root.localName !== 'LogoutRequest') throw new SsoError('the document is not a SAML LogoutRequest');
  const sp = serviceProvider(config);
  if (root.getAttribute('Destination') !== sp.logoutUrl) throw new SsoError('the LogoutRequest Destination is not our logout URL');
  const issuer = issuerOf(root);
  const idp = issuer ? await repo.findIdentityProviderByEntityId(issuer) : null;
  if (!idp) throw new SsoError('the LogoutRequest Issuer is not a configured identity provider');
  const issuedAt = Date.parse(root.getAttribute('IssueInstant') ?? '');
  const skew = config.samlClockSkewSeconds * 1000;
  if (!Number.isFinite(issuedAt) || Math.abs(Date.now() - issuedAt) > REQUEST_TTL_MS + skew)
    throw new SsoError('the LogoutRequest IssueInstant is missing or too far from now');
  const saml = samlFor(idp, config);
  let profile: Profile | null;
  let relayState: unknown;
  try {
    if (post) {
      relayState = message.relayState;
      // Verifies the root's signature with this IdP's certificates, its Issuer and NotOnOrAfter.
      ({ profile } = await saml.validatePostRequestAsync({ SAMLRequest: message.samlMessage as string }));
    } else {
      const q = message.query;
      relayState = q.RelayState;
      // node-saml accepts a redirect message without a signature: we do not.
      if (typeof q.Signature !== 'string' || typeof q.SigAlg !== 'string' || !REDIRECT_SIG_ALGS.includes(q.SigAlg))
        throw new Error('the redirect binding needs a Signature with SigAlg RSA-SHA256 or RSA-SHA512');
      assertUnambiguousQuery(message.rawQuery, 'SAMLRequest');
      const container = Object.fromEntries(
        ['SAMLRequest', 'RelayState', 'SigAlg', 'Signature'].filter((k) => typeof q[k] === 'string').map((k) => [k, q[k] as string]),
      );
      // Checks the query signature over the parameters as sent, the Issuer and NotOnOrAfter.
      ({ profile } = await saml.validateRedirectAsync(container, message.rawQuery));
    }
  } catch (e) {
    throw new SsoError(`rejected by the SAML validator: ${(e as Error).message}`.slice(0, 300));
  }
  if (!profile?.nameID || !profile.ID) throw new SsoError('the LogoutRequest names no subject');
  if (!(await repo.rememberAssertion(`logout:${profile.ID}`.slice(0, 200), idp.entityId, new Date(issuedAt + REQUEST_TTL_MS + skew))))
    throw new SsoError('this LogoutRequest was already used (replay)');
  const sessionIndexes = children(root, 'SessionIndex')
    .map((el) => (el.textContent ?? '').trim())
    .filter(Boolean);
  const ended = await repo.endSsoSessions(idp, profile.nameID, sessionIndexes);
  const responseUrl = await saml.getLogoutResponseUrlAsync(
    profile,
    typeof relayState === 'string' ? relayState.slice(0, 500) : '',
    {},
    ended !== null,
  );
  return { idp, ended, responseUrl };
}
