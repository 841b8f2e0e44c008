// The per-node state machine of a device operation, pure: what an observed event does to a
// node's state. The runner persists the result (guarded on the state it read) and audits it;
// the executor turns what the device reports into these events. An event that does not
// apply in the current state is ignored (null), never an error: devices repeat themselves.

import { TargetFailure, TargetState, TERMINAL_TARGET_STATES } from './operation-states';

export type TargetEvent =
  /** The operation reached this node (schedule, wave). */
  | { type: 'ADMIT' }
  /** The device is connected and may be commanded now; the marker of its current boot was read. */
  | { type: 'SEND' }
  /** The device is connected but asked not to be rebooted now (Node_State no_reboot). */
  | { type: 'DEFER'; detail: string }
  /** The device accepted the command. */
  | { type: 'ACCEPTED' }
  /** The device reported progress (upgrade_status on the way). */
  | { type: 'PROGRESS'; detail: string }
  /** What the operation waits for arrived from the device (a log archive; a kicked client's association row gone). */
  | { type: 'RECEIVED'; detail: string }
  /** The node already is where the operation would take it (e.g. runs the target firmware). */
  | { type: 'ALREADY_DONE'; detail: string }
  /** The device refused the command (transaction error) or cannot take it. */
  | { type: 'REFUSED'; code: TargetFailure; detail: string }
  /** The session dropped. */
  | { type: 'DISCONNECTED' }
  /** The device connected again, with a newer boot than the one recorded before sending. */
  | { type: 'NEW_BOOT'; detail: string }
  /** After a restart: the device still shows the command (same boot): it was sent. */
  | { type: 'FOUND_SENT' }
  /** After a restart: same boot and no trace of the command: it was never sent. */
  | { type: 'FOUND_NOT_SENT' }
  /** The device reported a failure while executing. */
  | { type: 'DEVICE_FAILED'; code: TargetFailure | string; detail: string }
  | { type: 'DEADLINE' }
  | { type: 'CANCEL' };

export interface TargetTransition {
  state: TargetState;
  failureCode?: string;
  detail?: string;
}

const CANCELLABLE: ReadonlySet<TargetState> = new Set([TargetState.PENDING, TargetState.WAITING_FOR_DEVICE]);
const COMMANDED: ReadonlySet<TargetState> = new Set([TargetState.SENDING, TargetState.SENT, TargetState.IN_PROGRESS, TargetState.REBOOTING]);

export function nextTargetState(state: TargetState, event: TargetEvent): TargetTransition | null {
  if (TERMINAL_TARGET_STATES.has(state)) return null;
  switch (event.type) {
    case 'ADMIT':
      return state === TargetState.PENDING ? { state: TargetState.WAITING_FOR_DEVICE } : null;
    case 'SEND':
      return state === TargetState.WAITING_FOR_DEVICE ? { state: TargetState.SENDING } : null;
    case 'DEFER':
      return state === TargetState.WAITING_FOR_DEVICE ? { state, detail: event.detail } : null;
    case 'ACCEPTED':
      return state === TargetState.SENDING ? { state: TargetState.SENT } : null;
    case 'PROGRESS':
      return state === TargetState.SENT || state === TargetState.IN_PROGRESS ? { state: TargetState.IN_PROGRESS, detail: event.detail } : null;
    case 'RECEIVED':
      return COMMANDED.has(state) ? { state: TargetState.SUCCEEDED, detail: event.detail } : null;
    case 'ALREADY_DONE':
      return state === TargetState.WAITING_FOR_DEVICE ? { state: TargetState.SUCCEEDED, detail: event.detail } : null;
    case 'REFUSED':
      return state === TargetState.SENDING || state === TargetState.WAITING_FOR_DEVICE
        ? { state: TargetState.FAILED, failureCode: event.code, detail: event.detail }
        : null;
    case 'DISCONNECTED':
      // SENDING stays: whether the command left is unknown until the device is observed again.
      return state === TargetState.SENT || state === TargetState.IN_PROGRESS ? { state: TargetState.REBOOTING } : null;
    case 'NEW_BOOT':
      return COMMANDED.has(state) ? { state: TargetState.SUCCEEDED, detail: event.detail } : null;
    case 'FOUND_SENT':
      return state === TargetState.SENDING || state === TargetState.REBOOTING ? { state: TargetState.SENT } : null;
    case 'FOUND_NOT_SENT':
      return state === TargetState.SENDING ? { state: TargetState.WAITING_FOR_DEVICE } : null;
    case 'DEVICE_FAILED':
      return COMMANDED.has(state) ? { state: TargetState.FAILED, failureCode: event.code, detail: event.detail } : null;
    case 'DEADLINE':
      return state === TargetState.PENDING ? null : { state: TargetState.TIMED_OUT };
    case 'CANCEL':
      return CANCELLABLE.has(state) ? { state: TargetState.CANCELLED } : null;
  }
}

/** How many PENDING nodes an operation may start now: its wave size minus those in flight. */
export function admissions(waveSize: number, inFlight: number, pending: number): number {
  return Math.max(0, Math.min(pending, waveSize - inFlight));
}

/** Whether a finished wave stops the rollout: more than `thresholdPercent` of its nodes failed. */
export function canaryStops(size: number, failed: number, thresholdPercent: number): boolean {
  return size > 0 && failed * 100 > thresholdPercent * size;
}
