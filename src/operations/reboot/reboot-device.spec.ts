import { judgeRebootStatus, newBootEvidence } from './reboot-device';

describe('reboot observation', () => {
  const seen = { firmwareUrl: '', noReboot: false };

  it('a higher Reboot_Status count is a new boot', () => {
    expect(newBootEvidence({ bootTime: 100, rebootCount: 3 }, { ...seen, bootTime: 100, rebootCount: 4 })).toBe('Reboot_Status count 3 -> 4');
    expect(newBootEvidence({ bootTime: 100 }, { ...seen, bootTime: 100, rebootCount: 1 })).toBe('Reboot_Status count none -> 1');
  });

  it('another boot_time is a new boot when Reboot_Status says nothing', () => {
    expect(newBootEvidence({ bootTime: 100 }, { ...seen, bootTime: 160 })).toBe('boot_time 100 -> 160');
  });

  it('the same boot is not', () => {
    expect(newBootEvidence({ bootTime: 100, rebootCount: 3 }, { ...seen, bootTime: 100, rebootCount: 3 })).toBeUndefined();
    expect(newBootEvidence({}, { ...seen })).toBeUndefined();
  });

  it('judges upgrade_status: progress, unsupported, unknown', () => {
    for (const code of [0, 10, 11, 12]) expect(judgeRebootStatus(code)).toEqual({ ok: true });
    expect(judgeRebootStatus(-4)).toMatchObject({ ok: false, unsupported: true });
    expect(judgeRebootStatus(21)).toMatchObject({ ok: false, unsupported: false });
  });
});
