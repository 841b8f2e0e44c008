// AWLAN_Node.upgrade_status as OpenSync's UM reports it (um.h; docs/operations.md has the
// table for operators): progress codes in words, negative codes as named failures.

export const UPGRADE_PROGRESS: Readonly<Record<number, string>> = {
  0: 'idle',
  10: 'download started',
  11: 'download and integrity check done',
  20: 'image write started',
  21: 'image written',
  30: 'boot configuration started',
  31: 'boot configuration done: ready to boot the new image',
};

/** um.h error names, prefixed FIRMWARE_ as failure codes. */
export const UPGRADE_FAILURES: Readonly<Record<number, { code: string; meaning: string }>> = {
  [-1]: { code: 'FIRMWARE_ARGS', meaning: 'wrong arguments' },
  [-3]: { code: 'FIRMWARE_URL', meaning: 'error setting the URL' },
  [-4]: { code: 'FIRMWARE_DL_FW', meaning: 'image download failed' },
  [-5]: { code: 'FIRMWARE_DL_MD5', meaning: '.md5 download failed' },
  [-6]: { code: 'FIRMWARE_MD5_FAIL', meaning: 'checksum mismatch' },
  [-7]: { code: 'FIRMWARE_IMG_FAIL', meaning: 'image check failed' },
  [-8]: { code: 'FIRMWARE_FL_ERASE', meaning: 'flash erase failed' },
  [-9]: { code: 'FIRMWARE_FL_WRITE', meaning: 'flash write failed' },
  [-10]: { code: 'FIRMWARE_FL_CHECK', meaning: 'flash verification failed' },
  [-11]: { code: 'FIRMWARE_BC_SET', meaning: 'setting the new boot configuration failed' },
  [-12]: { code: 'FIRMWARE_APPLY', meaning: 'restarting the device failed' },
  [-14]: { code: 'FIRMWARE_BC_ERASE', meaning: 'boot configuration erase failed' },
  [-15]: { code: 'FIRMWARE_SU_RUN', meaning: 'an upgrade is already running' },
  [-16]: { code: 'FIRMWARE_DL_NOFREE', meaning: 'not enough free space' },
  [-17]: { code: 'FIRMWARE_WRONG_PARAM', meaning: 'wrong flashing parameters' },
  [-18]: { code: 'FIRMWARE_INTERNAL', meaning: 'internal error' },
};

export type UpgradeVerdict =
  | { kind: 'progress'; code: number; detail: string }
  | { kind: 'downloaded'; detail: string }
  | { kind: 'committed'; detail: string }
  | { kind: 'failed'; code: string; detail: string };

export function judgeUpgradeStatus(status: number): UpgradeVerdict {
  const failure = UPGRADE_FAILURES[status];
  if (failure !== undefined) return { kind: 'failed', code: failure.code, detail: `upgrade_status ${status}: ${failure.meaning}` };
  const progress = UPGRADE_PROGRESS[status];
  if (progress === undefined) return { kind: 'failed', code: 'UNKNOWN_STATUS', detail: `upgrade_status ${status} is not an OpenSync code` };
  const detail = `upgrade_status ${status}: ${progress}`;
  if (status === 11) return { kind: 'downloaded', detail };
  if (status === 31) return { kind: 'committed', detail };
  return { kind: 'progress', code: status, detail };
}
