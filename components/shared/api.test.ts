import { expect } from '@open-wc/testing';
import { configureApi } from './api.js';
import { stubFetch } from './test-data.js';

describe('the API client', () => {
  it('learns the CSRF token of a session opened by single sign-on from GET /api/session and sends it on changes', async () => {
    const stub = stubFetch({
      'GET /api/session': () => ({
        body: { userId: 3, email: 'sso@v', name: 'SSO', role: 'finance', distributorId: null, csrfToken: 'from-the-session' },
      }),
      'DELETE /api/session': () => ({ status: 204, body: undefined }),
    });
    const api = configureApi({ baseUrl: 'http://127.0.0.1:11', fetch: stub.fetch, csrfToken: null });
    const me = await api.me();
    expect(me).to.deep.equal({ userId: 3, email: 'sso@v', name: 'SSO', role: 'finance', distributorId: null });
    await api.signOut();
    expect(stub.calls.find((c) => c.method === 'DELETE')!.headers['X-CSRF-Token']).to.equal('from-the-session');
  });

  it('keeps no CSRF token when it calls with a bearer token', async () => {
    const stub = stubFetch({
      'GET /api/session': () => ({ body: { userId: 3, email: 'a@v', name: 'A', role: 'finance', distributorId: null } }),
    });
    const api = configureApi({ baseUrl: 'http://127.0.0.1:12', fetch: stub.fetch, token: 'bec_x' });
    await api.me();
    expect(api.csrfToken).to.equal(null);
  });
});
