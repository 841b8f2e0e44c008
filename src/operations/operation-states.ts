// The names of device operations: kinds, operation states and per-node target states,
// registered as GraphQL enums. docs/operations.md explains each to an operator.

import { registerEnumType } from '@nestjs/graphql';

export enum OperationKind {
  REBOOT = 'REBOOT',
  /** Upgrade or downgrade: the same flow with an older image. */
  FIRMWARE_UPGRADE = 'FIRMWARE_UPGRADE',
  /** The device uploads a log archive to the controller. */
  LOG_PULL = 'LOG_PULL',
  /** One client is disconnected from the nodes and kept out for a while (a temporary blacklist entry). */
  CLIENT_KICK = 'CLIENT_KICK',
}

export enum OperationState {
  /** Waiting for its start time. */
  SCHEDULED = 'SCHEDULED',
  RUNNING = 'RUNNING',
  /** No new node is started; nodes already sent finish. */
  PAUSED = 'PAUSED',
  /** Every node reached a final state. */
  COMPLETED = 'COMPLETED',
  /** Cancelled: nodes not yet sent were CANCELLED. */
  CANCELLED = 'CANCELLED',
  /** Stopped by its canary: a wave failed beyond the threshold; nodes not started were CANCELLED. */
  STOPPED = 'STOPPED',
}

export enum TargetState {
  /** Not started yet (schedule, wave, pause). */
  PENDING = 'PENDING',
  /** Its turn came; the device is offline or asked not to be rebooted now. */
  WAITING_FOR_DEVICE = 'WAITING_FOR_DEVICE',
  /** About to be sent: written before the command, so a restart observes instead of resending blindly. */
  SENDING = 'SENDING',
  /** The device accepted the command. */
  SENT = 'SENT',
  /** The device reports progress (firmware: downloading, downloaded, writing, committed). */
  IN_PROGRESS = 'IN_PROGRESS',
  /** The device dropped its session after the command: the reboot is under way. */
  REBOOTING = 'REBOOTING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  TIMED_OUT = 'TIMED_OUT',
  CANCELLED = 'CANCELLED',
}

/** Named failures a node can end with (failureCode). */
export enum TargetFailure {
  /** The device answered the reboot command as a failed firmware download: its firmware has no reboot through firmware_url. */
  REBOOT_UNSUPPORTED = 'REBOOT_UNSUPPORTED',
  /** The device refused the write (transaction error). */
  DEVICE_REFUSED = 'DEVICE_REFUSED',
  /** The device reported an upgrade_status the controller does not know. */
  UNKNOWN_STATUS = 'UNKNOWN_STATUS',
  /** No reboot method applies to the node's model and firmware. */
  NO_REBOOT_METHOD = 'NO_REBOOT_METHOD',
  /** The device asked not to be rebooted (Node_State no_reboot) until the deadline. */
  REBOOT_DEFERRED = 'REBOOT_DEFERRED',
  /** The node came back from the upgrade reporting another firmware_version than the target. */
  VERSION_MISMATCH = 'VERSION_MISMATCH',
  /** The uploaded archive exceeded OPERATIONS_LOG_MAX_BYTES. */
  LOG_TOO_LARGE = 'LOG_TOO_LARGE',
  /** CLIENT_KICK: the node was not connected to the controller (at its turn, or before the client left). */
  NODE_OFFLINE = 'NODE_OFFLINE',
  /** CLIENT_KICK: the client was still associated to the node when the kick's wait ended. */
  CLIENT_STILL_CONNECTED = 'CLIENT_STILL_CONNECTED',
  /** CLIENT_KICK: the device's Wifi_VIF_Config has no mac_list / mac_list_type (no ACL kick). */
  KICK_UNSUPPORTED = 'KICK_UNSUPPORTED',
}

export const TERMINAL_TARGET_STATES: ReadonlySet<TargetState> = new Set([
  TargetState.SUCCEEDED,
  TargetState.FAILED,
  TargetState.TIMED_OUT,
  TargetState.CANCELLED,
]);

/** The states that count against a wave: started and not finished. */
export const IN_FLIGHT_TARGET_STATES: readonly TargetState[] = [
  TargetState.WAITING_FOR_DEVICE,
  TargetState.SENDING,
  TargetState.SENT,
  TargetState.IN_PROGRESS,
  TargetState.REBOOTING,
];

registerEnumType(OperationKind, { name: 'DeviceOperationKind', description: 'What a device operation does to each node.' });
registerEnumType(OperationState, { name: 'DeviceOperationState', description: 'Where a device operation as a whole is.' });
registerEnumType(TargetState, { name: 'DeviceOperationTargetState', description: 'Where one node of an operation is.' });
