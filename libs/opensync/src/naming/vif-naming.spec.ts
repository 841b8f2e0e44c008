import { OpensyncError } from '../errors';
import { RADIO_BANDS } from './radio-band';
import {
  isControllerOwned,
  MAX_IF_NAME_LENGTH,
  MAX_SLOT,
  MIN_SLOT,
  parseOwnedIfName,
  vifIfName,
  vifRadioIdx,
} from './vif-naming';

describe('vif naming', () => {
  const allNames: string[] = [];
  for (let slot = MIN_SLOT; slot <= MAX_SLOT; slot++) {
    for (const band of RADIO_BANDS) allNames.push(vifIfName(slot, band));
  }

  it('fits IFNAMSIZ for every slot and band', () => {
    for (const name of allNames) expect(name.length).toBeLessThanOrEqual(MAX_IF_NAME_LENGTH);
  });

  it('gives every (slot, band) its own name', () => {
    expect(new Set(allNames).size).toBe(allNames.length);
  });

  it('round-trips through parseOwnedIfName', () => {
    for (let slot = MIN_SLOT; slot <= MAX_SLOT; slot++) {
      for (const band of RADIO_BANDS) expect(parseOwnedIfName(vifIfName(slot, band))).toEqual({ slot, band });
    }
  });

  it('names the first network on 2.4 GHz ctl1-ap-24', () => {
    expect(vifIfName(1, '2.4G')).toBe('ctl1-ap-24');
    expect(vifIfName(7, '5GU')).toBe('ctl7-ap-u50');
  });

  it.each(['home-ap-24', 'bhaul-ap-50', 'bhaul-sta-24', 'onboard-ap-l50', 'wl0.1', 'ath0', 'wlan1', 'ctl0-ap-24',
    'ctl8-ap-24', 'ctl1-ap-33', 'ctl1-ap-24x', 'xctl1-ap-24', 'CTL1-AP-24', ''])('does not own %p', (name) => {
    expect(parseOwnedIfName(name)).toBeNull();
    expect(isControllerOwned(name)).toBe(false);
  });

  it('does not own non-string names', () => {
    expect(isControllerOwned(undefined)).toBe(false);
    expect(isControllerOwned(42)).toBe(false);
  });

  it('owns its own names', () => {
    for (const name of allNames) expect(isControllerOwned(name)).toBe(true);
  });

  it.each([0, 8, 1.5, -1, Number.NaN])('rejects slot %p with VIF_SLOT_INVALID', (slot) => {
    expect(() => vifIfName(slot, '2.4G')).toThrow(OpensyncError);
    try {
      vifRadioIdx(slot);
      throw new Error('expected a throw');
    } catch (err) {
      expect((err as OpensyncError).code).toBe('VIF_SLOT_INVALID');
    }
  });

  it('rejects an unknown band', () => {
    expect(() => vifIfName(1, '3G' as never)).toThrow(expect.objectContaining({ code: 'VIF_BAND_UNKNOWN' }));
  });

  it('derives vif_radio_idx 2..8 from the slot, within the schema range 0..8', () => {
    expect(vifRadioIdx(1)).toBe(2);
    expect(vifRadioIdx(7)).toBe(8);
  });
});
