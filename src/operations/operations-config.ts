// Settings of device operations, read from the environment when the module starts
// (documented in docs/configuration.md).

import { ConfigError } from '../config/config-error';
import { Env, EnvReader } from '../config/env-readers';

export interface OperationsConfig {
  /** Most nodes one operation may cover. */
  maxTargets: number;
  /** Nodes in flight per operation unless the request says otherwise. */
  defaultWaveSize: number;
  /** How long a node whose turn came may stay offline (or deferred) before TIMED_OUT. */
  deviceWaitMs: number;
  /** How long a commanded reboot may take, from the command to the node's return. */
  rebootTimeoutMs: number;
  /** upgrade_timer written with firmware_url "reboot", seconds. */
  rebootDelaySeconds: number;
  /** How long a firmware upgrade may take, from firmware_url to the node back on the new version. */
  firmwareTimeoutMs: number;
  /** upgrade_timer armed after the download (11), seconds. */
  firmwareFlashDelaySeconds: number;
  /** After upgrade_status 31, reboot the node if it has not rebooted by itself within this (0: never). */
  firmwareRebootGraceMs: number;
  /** Default canary: stop a rollout when more than this percentage of a wave fails. */
  canaryFailurePercent: number;
  /** How often a node that holds Node_State no_reboot is looked at again. */
  deferRecheckMs: number;
  transactTimeoutMs: number;
}

export const OPERATIONS_CONFIG = Symbol('OPERATIONS_CONFIG');

export function loadOperationsConfig(env: Env): OperationsConfig {
  const r = new EnvReader(env);
  const config: OperationsConfig = {
    maxTargets: r.integer('OPERATIONS_MAX_TARGETS', 10_000, 1, 1_000_000),
    defaultWaveSize: r.integer('OPERATIONS_WAVE_SIZE', 1000, 1, 100_000),
    deviceWaitMs: r.integer('OPERATIONS_DEVICE_WAIT_MS', 3_600_000, 1000, 30 * 86_400_000),
    rebootTimeoutMs: r.integer('OPERATIONS_REBOOT_TIMEOUT_MS', 600_000, 1000, 86_400_000),
    rebootDelaySeconds: r.integer('OPERATIONS_REBOOT_DELAY_S', 10, 1, 3600),
    firmwareTimeoutMs: r.integer('OPERATIONS_FIRMWARE_TIMEOUT_MS', 3_600_000, 1000, 86_400_000),
    firmwareFlashDelaySeconds: r.integer('OPERATIONS_FIRMWARE_FLASH_DELAY_S', 5, 1, 3600),
    firmwareRebootGraceMs: r.integer('OPERATIONS_FIRMWARE_REBOOT_GRACE_MS', 60_000, 0, 3_600_000),
    canaryFailurePercent: r.integer('OPERATIONS_CANARY_FAILURE_PERCENT', 10, 0, 100),
    deferRecheckMs: r.integer('OPERATIONS_DEFER_RECHECK_MS', 15_000, 100, 3_600_000),
    transactTimeoutMs: 30_000,
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}
