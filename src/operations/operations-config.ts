// Settings of device operations, read from the environment when the module starts
// (documented in docs/configuration.md).

import { join } from 'node:path';
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
  /** Base URL devices reach the controller's HTTP server at (log uploads); unset: no log pull. */
  publicUrl: string | undefined;
  /** Where uploaded log archives are kept. */
  logDir: string;
  logMaxBytes: number;
  logRetentionMs: number;
  /** From AW_LM_Config written to the archive received; then TIMED_OUT. */
  logTimeoutMs: number;
  /** AW_LM_Config.name: lm (multipart POST) or lm-s3-presigned (raw PUT). */
  logMethod: 'lm' | 'lm-s3-presigned';
  /** How often a node that holds Node_State no_reboot is looked at again. */
  deferRecheckMs: number;
  /** CLIENT_KICK: how long a node whose turn came may be offline before it FAILED NODE_OFFLINE. */
  kickDeviceWaitMs: number;
  /** CLIENT_KICK: how long the client may stay associated after the block was sent (bounded by the block). */
  kickTimeoutMs: number;
  /** CLIENT_KICK: how long a kicked client stays blocked unless the request says otherwise, seconds. */
  kickBlockSeconds: number;
  transactTimeoutMs: number;
}

export const OPERATIONS_CONFIG = Symbol('OPERATIONS_CONFIG');

/** Bounds of a kick's block, seconds: long enough to take effect, short enough to stay temporary. */
export const KICK_BLOCK_MIN_S = 5;
export const KICK_BLOCK_MAX_S = 3600;

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
    publicUrl: r.string('OPERATIONS_PUBLIC_URL')?.replace(/\/+$/, ''),
    logDir: r.string('OPERATIONS_LOG_DIR') ?? join('data', 'device-logs'),
    logMaxBytes: r.integer('OPERATIONS_LOG_MAX_BYTES', 50 * 2 ** 20, 1024, 2 ** 31),
    logRetentionMs: r.integer('OPERATIONS_LOG_RETENTION_MS', 7 * 86_400_000, 60_000, 365 * 86_400_000),
    logTimeoutMs: r.integer('OPERATIONS_LOG_TIMEOUT_MS', 900_000, 1000, 86_400_000),
    logMethod: r.string('OPERATIONS_LOG_METHOD') === 'lm-s3-presigned' ? 'lm-s3-presigned' : 'lm',
    deferRecheckMs: r.integer('OPERATIONS_DEFER_RECHECK_MS', 15_000, 100, 3_600_000),
    kickDeviceWaitMs: r.integer('OPERATIONS_KICK_DEVICE_WAIT_MS', 30_000, 1000, 3_600_000),
    kickTimeoutMs: r.integer('OPERATIONS_KICK_TIMEOUT_MS', 30_000, 1000, 600_000),
    kickBlockSeconds: r.integer('OPERATIONS_KICK_BLOCK_S', 60, KICK_BLOCK_MIN_S, KICK_BLOCK_MAX_S),
    transactTimeoutMs: 30_000,
  };
  const method = r.string('OPERATIONS_LOG_METHOD');
  if (method !== undefined && method !== 'lm' && method !== 'lm-s3-presigned') r.fail('OPERATIONS_LOG_METHOD', `must be lm or lm-s3-presigned, got "${method}"`);
  if (config.publicUrl !== undefined && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(config.publicUrl)) r.fail('OPERATIONS_PUBLIC_URL', 'must be an http(s) URL');
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}
