// Wifi_Radio_Config rows from the device cache, reduced to what the rules need. A row whose
// freq_band is missing cannot carry a VIF of ours and is left out rather than guessed.

import { CachedRow, RadioView } from './desired-network';

export function radioViewFromRow(row: CachedRow): RadioView | null {
  const band = row.freq_band;
  if (typeof band !== 'string') return null;
  const refs = row.vif_configs;
  const vifConfigs = Array.isArray(refs) ? refs.filter((ref): ref is string => typeof ref === 'string') : [];
  const ifName = typeof row.if_name === 'string' ? row.if_name : undefined;
  return { _uuid: row._uuid, if_name: ifName, freq_band: band, vif_configs: vifConfigs };
}

export function radioViews(rows: Iterable<CachedRow>): RadioView[] {
  const views: RadioView[] = [];
  for (const row of rows) {
    const view = radioViewFromRow(row);
    if (view) views.push(view);
  }
  return views;
}
