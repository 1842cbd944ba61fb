/**
 * The test identity provider: a key and certificate made at test time, real signed SAML responses,
 * and the helpers to walk the login (GET /auth/saml/login → AuthnRequest id → POST /auth/saml/acs).
 */
import request from 'supertest';
import type { Express } from 'express';
import { loadConfig, type Config } from '../../server/config.js';
import { serviceProvider } from '../../server/auth/saml.service.js';
import {
  makeTestIdpKeys,
  requestIdOf,
  responseXml,
  TEST_IDP_ENTITY_ID,
  type ResponseInput,
  type TestIdpKeys,
} from '../../server/auth/saml.test-idp.js';

export { assertionXml, signRoot, samlId } from '../../server/auth/saml.test-idp.js';
export { TEST_IDP_ENTITY_ID };

export const SSO_URL = 'https://idp.test.example/sso';

export class TestIdp {
  readonly keys: TestIdpKeys = makeTestIdpKeys();
  readonly sp: ReturnType<typeof serviceProvider>;
  constructor(readonly config: Config = loadConfig({ LOG_REQUESTS: 'false' })) {
    this.sp = serviceProvider(config);
  }

  static otherKeys(): TestIdpKeys {
    return makeTestIdpKeys('an attacker');
  }

  metadataXml(): string {
    const b64 = this.keys.cert.replace(/-----[^-]+-----|\s/g, '');
    return (
      `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${TEST_IDP_ENTITY_ID}">` +
      `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
      `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${b64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
      `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${SSO_URL}"/>` +
      `</md:IDPSSODescriptor></md:EntityDescriptor>`
    );
  }

  /** Starts a login at the app and returns the AuthnRequest id the IdP would answer. */
  async startLogin(app: Express, returnTo = '/'): Promise<string> {
    const res = await request(app).get(`/auth/saml/login?returnTo=${encodeURIComponent(returnTo)}`);
    if (res.status !== 302) throw new Error(`login did not redirect: ${res.status} ${JSON.stringify(res.body)}`);
    const location = new URL(res.headers.location as string);
    if (`${location.origin}${location.pathname}` !== SSO_URL) throw new Error(`login redirected to ${location}`);
    return requestIdOf(location.searchParams.get('SAMLRequest')!);
  }

  /** A signed response (both response and assertion) for this request id, as the IdP would send it. */
  responseXml(inResponseTo: string, overrides: Partial<ResponseInput> = {}, keys: TestIdpKeys = this.keys): string {
    return responseXml(keys, {
      inResponseTo,
      destination: this.sp.acsUrl,
      audience: this.sp.entityId,
      nameId: 'sso.user@voltaic.example',
      attributes: { email: 'sso.user@voltaic.example', displayName: 'SSO User', role: 'finance' },
      ...overrides,
    });
  }

  post(app: Express, xml: string, relayState = '/') {
    return request(app)
      .post('/auth/saml/acs')
      .type('form')
      .send({ SAMLResponse: Buffer.from(xml, 'utf8').toString('base64'), RelayState: relayState });
  }
}
