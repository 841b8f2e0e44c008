import { CPE_SCOPES as S, OAuthScopeRegistry, OAuthScopes } from './oauth-scopes';

describe('OAuth scopes', () => {
  it('expands inheritance as the CPE Management table says, transitively', () => {
    expect([...OAuthScopes.expand([S.AUXILIARY_WRITE])].sort()).toEqual([S.AUXILIARY_READ, S.AUXILIARY_WRITE, S.NETWORKS_READ, S.NETWORKS_WRITE].sort());
    expect([...OAuthScopes.expand([S.SITES_LOCATION_READ])].sort()).toEqual([S.SITES_LOCATION_READ, S.SITES_READ]);
    expect([...OAuthScopes.expand([S.REBOOTS_WRITE])].sort()).toEqual([S.REBOOTS_READ, S.REBOOTS_WRITE]);
    expect([...OAuthScopes.expand([S.PRIMARY_WRITE])].sort()).toEqual([S.PRIMARY_READ, S.PRIMARY_WRITE]);
    expect([...OAuthScopes.expand(['unknown', S.DEVICES_READ])]).toEqual([S.DEVICES_READ]);
  });

  it('marks location and hardware address as sensitive, nothing else of the CPE scopes', () => {
    const sensitive = OAuthScopes.all().filter((s) => s.name.startsWith('cpe-management-') && s.sensitive).map((s) => s.name);
    expect(sensitive.sort()).toEqual([S.DEVICES_HW_READ, S.SITES_LOCATION_READ]);
  });

  it('lets modules register their own scopes once, refusing a conflicting or malformed definition', () => {
    const registry = new OAuthScopeRegistry();
    registry.register({ name: 'ebl', description: 'Locate equipment', sensitive: false });
    registry.register({ name: 'ebl', description: 'Locate equipment', sensitive: false });
    expect(() => registry.register({ name: 'ebl', description: 'other', sensitive: true })).toThrow('already registered');
    expect(() => registry.register({ name: 'Bad Scope', description: 'x', sensitive: false })).toThrow('invalid');
    expect(registry.names()).toEqual(['ebl']);
  });
});
