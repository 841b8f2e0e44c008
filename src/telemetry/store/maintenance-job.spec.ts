import { ClientHour, mergeClientHour, SliceRow } from './maintenance-job';

describe('mergeClientHour', () => {
  const row = (mac: string, rx: number, snrCount: number, snrMin: number | null): SliceRow => ({ location_id: 'l1', mac, rx, tx: String(rx / 10), snr_sum: snrCount * 30, snr_count: String(snrCount), snr_min: snrMin });

  it("adds a client's slices into one hour: sums add, the minimum SNR is the least seen", () => {
    const sums = new Map<string, ClientHour>();
    for (const r of [row('aa', 100, 2, 25), row('bb', 7, 0, null), row('aa', 50, 1, 20), row('bb', 3, 1, 40), row('aa', 10, 0, null)]) mergeClientHour(sums, r);
    expect([...sums.values()]).toEqual([
      { locationId: 'l1', mac: 'aa', rx: 160, tx: 16, snrSum: 90, snrCount: 3, snrMin: 20 },
      { locationId: 'l1', mac: 'bb', rx: 10, tx: 1, snrSum: 30, snrCount: 1, snrMin: 40 },
    ]);
  });
});
