import { TargetFailure, TargetState } from './operation-states';
import { admissions, canaryStops, nextTargetState, TargetEvent } from './target-state-machine';

const S = TargetState;

function walk(events: TargetEvent[], from: TargetState = S.PENDING): TargetState {
  let state = from;
  for (const event of events) {
    const next = nextTargetState(state, event);
    if (next === null) throw new Error(`${event.type} ignored in ${state}`);
    state = next.state;
  }
  return state;
}

describe('target state machine', () => {
  it('a reboot: admitted, sent, accepted, session drops, new boot -> SUCCEEDED', () => {
    expect(walk([{ type: 'ADMIT' }, { type: 'SEND' }, { type: 'ACCEPTED' }, { type: 'DISCONNECTED' }, { type: 'NEW_BOOT', detail: 'count 2' }])).toBe(S.SUCCEEDED);
  });

  it('a device that reboots before the controller saw the reply still succeeds from SENDING', () => {
    expect(nextTargetState(S.SENDING, { type: 'NEW_BOOT', detail: '' })?.state).toBe(S.SUCCEEDED);
  });

  it('a firmware upgrade: progress while the device reports, a drop, then back', () => {
    expect(
      walk([
        { type: 'ADMIT' },
        { type: 'SEND' },
        { type: 'ACCEPTED' },
        { type: 'PROGRESS', detail: '10 downloading' },
        { type: 'PROGRESS', detail: '11 downloaded' },
        { type: 'DISCONNECTED' },
        { type: 'NEW_BOOT', detail: 'runs 2.0' },
      ]),
    ).toBe(S.SUCCEEDED);
    expect(nextTargetState(S.WAITING_FOR_DEVICE, { type: 'ALREADY_DONE', detail: 'runs 2.0' })?.state).toBe(S.SUCCEEDED);
    expect(nextTargetState(S.REBOOTING, { type: 'PROGRESS', detail: '' })).toBeNull();
  });

  it('a session drop while SENDING keeps SENDING: unknown whether the command left', () => {
    expect(nextTargetState(S.SENDING, { type: 'DISCONNECTED' })).toBeNull();
  });

  it('after a restart, SENDING is resolved by observation, never by sending again blindly', () => {
    expect(nextTargetState(S.SENDING, { type: 'FOUND_SENT' })?.state).toBe(S.SENT);
    expect(nextTargetState(S.SENDING, { type: 'FOUND_NOT_SENT' })?.state).toBe(S.WAITING_FOR_DEVICE);
    expect(nextTargetState(S.SENT, { type: 'FOUND_NOT_SENT' })).toBeNull();
  });

  it('a reconnect on the same boot puts a REBOOTING node back to SENT', () => {
    expect(nextTargetState(S.REBOOTING, { type: 'FOUND_SENT' })?.state).toBe(S.SENT);
  });

  it('device failures carry their code', () => {
    expect(nextTargetState(S.SENT, { type: 'DEVICE_FAILED', code: TargetFailure.REBOOT_UNSUPPORTED, detail: 'upgrade_status -4' })).toEqual({
      state: S.FAILED,
      failureCode: 'REBOOT_UNSUPPORTED',
      detail: 'upgrade_status -4',
    });
    expect(nextTargetState(S.SENDING, { type: 'REFUSED', code: TargetFailure.DEVICE_REFUSED, detail: 'x' })?.state).toBe(S.FAILED);
  });

  it('cancel reaches only nodes not yet commanded', () => {
    expect(nextTargetState(S.PENDING, { type: 'CANCEL' })?.state).toBe(S.CANCELLED);
    expect(nextTargetState(S.WAITING_FOR_DEVICE, { type: 'CANCEL' })?.state).toBe(S.CANCELLED);
    for (const state of [S.SENDING, S.SENT, S.REBOOTING]) expect(nextTargetState(state, { type: 'CANCEL' })).toBeNull();
  });

  it('deadlines time out started nodes, not pending ones', () => {
    for (const state of [S.WAITING_FOR_DEVICE, S.SENDING, S.SENT, S.REBOOTING]) expect(nextTargetState(state, { type: 'DEADLINE' })?.state).toBe(S.TIMED_OUT);
    expect(nextTargetState(S.PENDING, { type: 'DEADLINE' })).toBeNull();
  });

  it('final states ignore every event', () => {
    for (const state of [S.SUCCEEDED, S.FAILED, S.TIMED_OUT, S.CANCELLED]) {
      for (const event of [{ type: 'NEW_BOOT', detail: '' }, { type: 'DEADLINE' }, { type: 'CANCEL' }, { type: 'ADMIT' }] as TargetEvent[]) {
        expect(nextTargetState(state, event)).toBeNull();
      }
    }
  });

  it('a deferral keeps the node waiting with the reason', () => {
    expect(nextTargetState(S.WAITING_FOR_DEVICE, { type: 'DEFER', detail: 'no_reboot' })).toEqual({ state: S.WAITING_FOR_DEVICE, detail: 'no_reboot' });
  });
});

describe('admissions', () => {
  it('fills the wave up to its size', () => {
    expect(admissions(1000, 0, 10_000)).toBe(1000);
    expect(admissions(1000, 998, 10_000)).toBe(2);
    expect(admissions(1000, 1000, 5)).toBe(0);
    expect(admissions(10, 2, 3)).toBe(3);
    expect(admissions(10, 12, 3)).toBe(0);
  });
});

describe('canaryStops', () => {
  it('stops when more than the threshold of a wave failed', () => {
    expect(canaryStops(10, 1, 10)).toBe(false);
    expect(canaryStops(10, 2, 10)).toBe(true);
    expect(canaryStops(2, 1, 0)).toBe(true);
    expect(canaryStops(2, 0, 0)).toBe(false);
    expect(canaryStops(0, 0, 0)).toBe(false);
    expect(canaryStops(3, 3, 100)).toBe(false);
  });
});
