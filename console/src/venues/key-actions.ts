// What an admin may do with a personal key in each state, and what each action does, in words.

export type KeyState = 'ACTIVE' | 'SUSPENDED' | 'EXPIRED' | 'REVOKED';
export type KeyAction = 'rotate' | 'suspend' | 'resume' | 'revoke';

const BY_STATE: Record<KeyState, readonly KeyAction[]> = {
  ACTIVE: ['rotate', 'suspend', 'revoke'],
  SUSPENDED: ['resume', 'revoke'],
  EXPIRED: ['revoke'],
  REVOKED: [],
};

export function keyActions(state: string): readonly KeyAction[] {
  return BY_STATE[state as KeyState] ?? [];
}

export const KEY_ACTION_TEXT: Record<KeyAction, { label: string; consequence: string; danger: boolean }> = {
  rotate: { label: 'Rotate', consequence: 'The key gets a new passphrase, shown once; devices using the old one must be given the new one. Other keys are untouched.', danger: true },
  suspend: { label: 'Suspend', consequence: 'The key is taken off the devices until resumed; its clients are disconnected.', danger: true },
  resume: { label: 'Resume', consequence: 'The key is put back on the devices with its passphrase.', danger: false },
  revoke: { label: 'Revoke', consequence: 'The key ends for good: it is taken off the devices and its clients are disconnected. This cannot be undone.', danger: true },
};

export function stateTone(state: string): 'ok' | 'warn' | 'bad' | 'muted' {
  return state === 'ACTIVE' ? 'ok' : state === 'SUSPENDED' ? 'warn' : state === 'REVOKED' ? 'bad' : 'muted';
}
