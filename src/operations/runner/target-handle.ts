// One node of an operation as an executor sees it: its row, and the runner's ways to change
// its state (durably, audited), hold a temporary monitor, and be called again later.

import { DeviceConnection } from '../../reconciler/sessions/device-connection';
import { DeviceOperation } from '../device-operation.entity';
import { DeviceOperationTarget } from '../device-operation-target.entity';
import { TargetEvent } from '../target-state-machine';
import { TransitionWrite } from './target-store';

/** One node as the executor sees it. */
export interface TargetHandle {
  readonly row: DeviceOperationTarget;
  readonly operation: DeviceOperation;
  apply(event: TargetEvent, write?: TransitionWrite): Promise<boolean>;
  /** Registers the stop function of a temporary monitor, ended with the node's work. */
  watching(stop: () => void): void;
  /** Asks for another look at a node still waiting (a deferred reboot). */
  recheckAt(at: number): void;
  /** Runs work for a device-side event in the node's queue. */
  fromEvent(work: (handle: TargetHandle) => Promise<void>): void;
}

/** What one kind of operation does with a node whose device is (again) connected, or due for another look. */
export interface OperationExecutor {
  connected(target: TargetHandle, connection: DeviceConnection): Promise<void>;
  /** How long an admitted node may wait for its device; OPERATIONS_DEVICE_WAIT_MS when absent. */
  readonly deviceWaitMs?: number;
  /** The event a node's deadline applies; DEADLINE (TIMED_OUT) when absent. */
  deadline?(target: TargetHandle): TargetEvent;
  /** The event a dropped session applies; DISCONNECTED when absent, none when null. */
  disconnected?(target: TargetHandle): TargetEvent | null;
}
