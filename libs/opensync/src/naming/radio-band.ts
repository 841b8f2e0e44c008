// The radio bands OpenSync reports in Wifi_Radio_Config.freq_band, and the band a network
// asks for in the model. Tri-band devices split 5 GHz into two radios (5GL and 5GU); a
// network that wants 5 GHz goes on every 5 GHz radio.

export type RadioBand = '2.4G' | '5G' | '5GL' | '5GU' | '6G';
export const RADIO_BANDS: readonly RadioBand[] = ['2.4G', '5G', '5GL', '5GU', '6G'];

export type NetworkBand = 'BAND_2_4G' | 'BAND_5G' | 'BAND_6G';

export function isRadioBand(value: unknown): value is RadioBand {
  return typeof value === 'string' && (RADIO_BANDS as readonly string[]).includes(value);
}

/** The model band a radio serves. */
export function networkBandOf(radioBand: RadioBand): NetworkBand {
  switch (radioBand) {
    case '2.4G':
      return 'BAND_2_4G';
    case '6G':
      return 'BAND_6G';
    default:
      return 'BAND_5G';
  }
}
