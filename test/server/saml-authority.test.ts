import { permissionsGained } from '../../core/permissions.js';
import { nonAuthoritativeChange } from '../../server/auth/saml.service.js';

describe('what an identity provider that is not authoritative may change', () => {
  const linked = true;
  it('renames and lowers: a vendor admin to finance, the same role, the same distributor', () => {
    expect(
      nonAuthoritativeChange({ role: 'vendor_admin', distributorId: null }, { role: 'finance', distributorId: null }, linked),
    ).toBeNull();
    expect(
      nonAuthoritativeChange({ role: 'distributor_user', distributorId: 7 }, { role: 'distributor_user', distributorId: 7 }, linked),
    ).toBeNull();
  });

  it('never raises a role, a sideways move that gains a permission included', () => {
    expect(nonAuthoritativeChange({ role: 'finance', distributorId: null }, { role: 'vendor_admin', distributorId: null }, linked)).toMatch(
      /raise/,
    );
    expect(
      nonAuthoritativeChange({ role: 'finance', distributorId: null }, { role: 'channel_manager', distributorId: null }, linked),
    ).toMatch(/raise.*request\.decide/);
    expect(
      nonAuthoritativeChange({ role: 'channel_manager', distributorId: null }, { role: 'finance', distributorId: null }, linked),
    ).toMatch(/raise.*claim\.pay/);
    expect(
      nonAuthoritativeChange({ role: 'distributor_user', distributorId: 7 }, { role: 'finance', distributorId: null }, linked),
    ).toMatch(/raise/);
  });

  it('never moves a user to another distributor, nor a vendor user into one', () => {
    expect(
      nonAuthoritativeChange({ role: 'distributor_user', distributorId: 7 }, { role: 'distributor_user', distributorId: 8 }, linked),
    ).toMatch(/another distributor/);
    expect(
      nonAuthoritativeChange({ role: 'vendor_admin', distributorId: null }, { role: 'distributor_user', distributorId: 8 }, linked),
    ).toMatch(/raise|another distributor/);
  });

  it('never claims an account it is not linked to by its email', () => {
    expect(
      nonAuthoritativeChange({ role: 'distributor_user', distributorId: 7 }, { role: 'distributor_user', distributorId: 7 }, false),
    ).toMatch(/email/);
  });

  it('counts as raising any change that gains a permission', () => {
    expect(permissionsGained('vendor_admin', 'finance')).toEqual([]);
    expect(permissionsGained('finance', 'finance')).toEqual([]);
    expect(permissionsGained('finance', 'channel_manager').sort()).toEqual([
      'enrichment.review',
      'masterdata.read',
      'program.manage',
      'request.create',
      'request.decide',
    ]);
  });
});
