/**
 * The test identity provider: a key and certificate made at test time, real signed SAML responses,
 * and the helpers to walk the login (GET /auth/saml/login → AuthnRequest id → POST /auth/saml/acs).
 */
import request from 'supertest';
import type { Express } from 'express';
import { loadConfig, type Config } from '../../server/config.js';
import { serviceProvider } from '../../server/auth/saml.service.js';
import {
  logoutRequestXml,
  logoutResponseXml,
  makeTestIdpKeys,
  redirectQuery,
  requestIdOf,
  responseXml,
  TEST_IDP_ENTITY_ID,
  type LogoutRequestInput,
  type ResponseInput,
  type TestIdpKeys,
} from '../../server/auth/saml.test-idp.js';

export { assertionXml, signRoot, samlId, makeTestIdpKeys, redirectQuery } from '../../server/auth/saml.test-idp.js';
export { TEST_IDP_ENTITY_ID };

export const SSO_URL = 'https://idp.test.example/sso';

export class TestIdp {
  readonly keys: TestIdpKeys;
  readonly sp: ReturnType<typeof serviceProvider>;
  /** `entityId` and `ssoUrl`: a second IdP beside the default one. */
  constructor(
    readonly config: Config = loadConfig({ LOG_REQUESTS: 'false' }),
    readonly entityId: string = TEST_IDP_ENTITY_ID,
    readonly ssoUrl: string = SSO_URL,
  ) {
    this.sp = serviceProvider(config);
    this.keys = makeTestIdpKeys(entityId);
  }

  static otherKeys(): TestIdpKeys {
    return makeTestIdpKeys('an attacker');
  }

  get sloUrl() {
    return this.ssoUrl.replace(/\/sso$/, '/slo');
  }

  metadataXml(options: { wantAuthnRequestsSigned?: boolean } = {}): string {
    const b64 = this.keys.cert.replace(/-----[^-]+-----|\s/g, '');
    return (
      `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${this.entityId}">` +
      `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"${options.wantAuthnRequestsSigned ? ' WantAuthnRequestsSigned="true"' : ''}>` +
      `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${b64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
      `<md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${this.sloUrl}"/>` +
      `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${this.ssoUrl}"/>` +
      `</md:IDPSSODescriptor></md:EntityDescriptor>`
    );
  }

  /** Starts a login at the app (at IdP `idp` when named) and returns the redirect to the IdP. */
  async startLoginUrl(app: Express, returnTo = '/', idp?: string): Promise<URL> {
    const res = await request(app).get(
      `/auth/saml/login?returnTo=${encodeURIComponent(returnTo)}${idp ? `&idp=${encodeURIComponent(idp)}` : ''}`,
    );
    if (res.status !== 302) throw new Error(`login did not redirect: ${res.status} ${JSON.stringify(res.body)}`);
    const location = new URL(res.headers.location as string);
    if (`${location.origin}${location.pathname}` !== this.ssoUrl) throw new Error(`login redirected to ${location}`);
    return location;
  }

  /** Starts a login at the app and returns the AuthnRequest id the IdP would answer. */
  async startLogin(app: Express, returnTo = '/', idp?: string): Promise<string> {
    const location = await this.startLoginUrl(app, returnTo, idp);
    return requestIdOf(location.searchParams.get('SAMLRequest')!);
  }

  /** A signed response (both response and assertion) for this request id, as the IdP would send it. */
  responseXml(inResponseTo: string, overrides: Partial<ResponseInput> = {}, keys: TestIdpKeys = this.keys): string {
    return responseXml(keys, {
      inResponseTo,
      issuer: this.entityId,
      destination: this.sp.acsUrl,
      audience: this.sp.entityId,
      nameId: 'sso.user@voltaic.example',
      attributes: { email: 'sso.user@voltaic.example', displayName: 'SSO User', role: 'finance' },
      ...overrides,
    });
  }

  /** A signed LogoutRequest from this IdP to our logout URL. */
  logoutRequestXml(overrides: Partial<LogoutRequestInput> & { nameId: string }, keys: TestIdpKeys = this.keys): string {
    return logoutRequestXml(keys, { destination: this.sp.logoutUrl, issuer: this.entityId, ...overrides });
  }

  /** A signed LogoutResponse from this IdP answering our LogoutRequest `inResponseTo`. */
  logoutResponseXml(inResponseTo: string, overrides: { status?: string; signed?: boolean } = {}, keys: TestIdpKeys = this.keys) {
    return logoutResponseXml(keys, { inResponseTo, destination: this.sp.logoutUrl, issuer: this.entityId, ...overrides });
  }

  /** Posts a LogoutResponse to our logout URL (HTTP-POST binding). */
  postLogoutResponse(app: Express, xml: string) {
    return request(app)
      .post('/auth/saml/logout')
      .type('form')
      .send({ SAMLResponse: Buffer.from(xml, 'utf8').toString('base64') });
  }

  /** Posts a LogoutRequest to our logout URL as the IdP's page would (HTTP-POST binding). */
  postLogout(app: Express, xml: string, relayState?: string) {
    return request(app)
      .post('/auth/saml/logout')
      .type('form')
      .send({ SAMLRequest: Buffer.from(xml, 'utf8').toString('base64'), ...(relayState ? { RelayState: relayState } : {}) });
  }

  /** Sends a LogoutRequest by the redirect binding: `GET /auth/saml/logout?SAMLRequest=…&SigAlg=…&Signature=…`. */
  getLogout(app: Express, xml: string, options: Parameters<typeof redirectQuery>[2] = {}, keys: TestIdpKeys = this.keys) {
    return request(app).get(`/auth/saml/logout?${redirectQuery(keys, xml, options)}`);
  }

  post(app: Express, xml: string, relayState = '/') {
    return request(app)
      .post('/auth/saml/acs')
      .type('form')
      .send({ SAMLResponse: Buffer.from(xml, 'utf8').toString('base64'), RelayState: relayState });
  }
}
