import { ApiError } from '../../oauth/bearer/api-error';
import { checkPlacements, Placement, refuseReplacements } from './network-placement';

const at = (op: Placement['op'], role: Placement['role'], networkSiteId: string, deviceSiteId: string): Placement => ({
  op,
  role,
  networkId: 'n1',
  networkSiteId,
  deviceId: 'd1',
  deviceSiteId,
});

function refusal(placements: Placement[]): [number, string] | undefined {
  try {
    checkPlacements(placements);
    return undefined;
  } catch (error) {
    const e = error as ApiError;
    return [e.status, e.code];
  }
}

describe('network placement (a network lives at its service site)', () => {
  it('accepts a network on its own device, and removing it from a device it is not on', () => {
    expect(refusal([at('insert', 'auxiliary', 's1', 's1'), at('insert', 'primary', 's1', 's1'), at('delete', 'auxiliary', 's1', 's2')])).toBeUndefined();
  });

  it("refuses another site's device (501), removing the primary (400) or an auxiliary network from its own device (501)", () => {
    expect(refusal([at('insert', 'auxiliary', 's1', 's2')])).toEqual([501, 'NOT_IMPLEMENTED']);
    expect(refusal([at('delete', 'primary', 's1', 's1')])).toEqual([400, 'NETWORK_NOT_REMOVABLE']);
    expect(refusal([at('delete', 'auxiliary', 's1', 's1')])).toEqual([501, 'NOT_IMPLEMENTED']);
  });

  it('refuses replacements, and accepts an empty list of them', () => {
    expect(() => refuseReplacements({ replace: [{ replace: 'a', with: 'b' }] })).toThrow(ApiError);
    expect(() => refuseReplacements({ replace: [] })).not.toThrow();
  });
});
