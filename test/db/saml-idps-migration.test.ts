/**
 * The several-IdPs migration on a database made before it: the IdP configured then stays the
 * `default` one, with every new switch off (not authoritative, no signed requests, no required
 * encryption, no limits), and an entity id names one IdP only from then on.
 */
import { openDatabase, type Database } from '../../models/database.js';
import * as repo from '../../server/auth/saml.repository.js';
import { describeDb, dropTestDatabase, testDatabaseUrl } from '../support/harness.js';

describeDb('several SAML identity providers: migration', () => {
  let db: Database;
  const url = testDatabaseUrl();
  beforeAll(async () => {
    db = await openDatabase(url, { poolMax: 2 });
    await db.migrate('20261201T1300-import-jobs');
  });
  afterAll(async () => {
    await db.close();
    await dropTestDatabase(url);
  });

  it('keeps the configured IdP as the default one, every new switch off', async () => {
    const now = new Date();
    await db.sequelize.query(
      `INSERT INTO saml_identity_providers (name, entity_id, sso_url, certificates, attribute_mapping, created_at, updated_at)
       VALUES ('default', 'urn:corp:idp', 'https://idp.corp.example/sso', '["CERT"]', '{"roleMap":{"G":"finance"}}', ?, ?)`,
      { replacements: [now, now] },
    );
    await db.migrate();
    const idp = await repo.findIdentityProvider();
    expect(idp).toMatchObject({
      name: 'default',
      entityId: 'urn:corp:idp',
      certificates: ['CERT'],
      authoritative: false,
      signAuthnRequests: false,
      requireEncryptedAssertions: false,
      allowedRoles: null,
      allowedDistributorIds: null,
    });
    expect(idp!.attributeMapping.roleMap).toEqual({ G: 'finance' });
    expect(await repo.saveIdentityProvider({ ...idp!, name: 'copy' })).toBe('entity_id_taken');
    expect((await repo.listIdentityProviders()).map((i) => i.name)).toEqual(['default']);
  });
});
