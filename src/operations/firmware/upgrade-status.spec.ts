import { judgeUpgradeStatus } from './upgrade-status';

describe('judgeUpgradeStatus', () => {
  it('names progress, the download end and the commit', () => {
    expect(judgeUpgradeStatus(10)).toEqual({ kind: 'progress', code: 10, detail: 'upgrade_status 10: download started' });
    expect(judgeUpgradeStatus(11).kind).toBe('downloaded');
    expect(judgeUpgradeStatus(31).kind).toBe('committed');
  });

  it('maps every negative um.h code to a named failure and anything else to UNKNOWN_STATUS', () => {
    expect(judgeUpgradeStatus(-6)).toEqual({ kind: 'failed', code: 'FIRMWARE_MD5_FAIL', detail: 'upgrade_status -6: checksum mismatch' });
    for (const code of [-1, -3, -4, -5, -7, -8, -9, -10, -11, -12, -14, -15, -16, -17, -18]) {
      expect(judgeUpgradeStatus(code)).toMatchObject({ kind: 'failed', code: expect.stringMatching(/^FIRMWARE_/) });
    }
    expect(judgeUpgradeStatus(-2)).toMatchObject({ kind: 'failed', code: 'UNKNOWN_STATUS' });
    expect(judgeUpgradeStatus(77)).toMatchObject({ kind: 'failed', code: 'UNKNOWN_STATUS' });
  });
});
