import { keyActions, stateTone } from './key-actions';

describe('personal key actions', () => {
  it('offers what the state allows', () => {
    expect(keyActions('ACTIVE')).toEqual(['rotate', 'suspend', 'revoke']);
    expect(keyActions('SUSPENDED')).toEqual(['resume', 'revoke']);
    expect(keyActions('EXPIRED')).toEqual(['revoke']);
    expect(keyActions('REVOKED')).toEqual([]);
    expect(keyActions('SOMETHING_NEW')).toEqual([]);
  });

  it('colours the state', () => {
    expect(stateTone('ACTIVE')).toBe('ok');
    expect(stateTone('SUSPENDED')).toBe('warn');
    expect(stateTone('REVOKED')).toBe('bad');
    expect(stateTone('EXPIRED')).toBe('muted');
  });
});
