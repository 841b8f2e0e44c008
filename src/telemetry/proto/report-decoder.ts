// Payload -> StatsReport: inflate when the payload starts with the zlib header byte 0x78
// (QM compresses with zlib compress(), RFC 1950), decode sts.Report with protobufjs from the
// project's .proto, map to plain samples. Failures carry a stable kind so ingestion can
// count them: CORRUPT (zlib or protobuf framing), WRONG_TYPE (valid protobuf, not a Report).
// Synchronous: it runs in the ingestion worker thread, never on the controller's event loop.

import { inflateSync } from 'node:zlib';
import { OPENSYNC_STATS_PROTO } from '@lib/opensync';
import * as protobuf from 'protobufjs';
import { ClientSample, DeviceSample, RadioSample, StatsReport } from './stats-report';

/** A report inflates to a few kB per client; anything near this is not a report. */
export const MAX_INFLATED_BYTES = 4 * 1024 * 1024;

// resolveAll: protobufjs applies proto2 `required` (and checks it when decoding) only once resolved.
export const STATS_ROOT = protobuf.parse(OPENSYNC_STATS_PROTO, { keepCase: true }).root.resolveAll();
const REPORT = STATS_ROOT.lookupType('sts.Report');

const BANDS: Record<string, string> = { BAND2G: '2.4G', BAND5G: '5G', BAND5GL: '5GL', BAND5GU: '5GU', BAND6G: '6G' };

export type DecodeFailureKind = 'CORRUPT' | 'WRONG_TYPE';

export class ReportDecodeError extends Error {
  constructor(
    readonly kind: DecodeFailureKind,
    message: string,
  ) {
    super(message);
  }
}

export function decodeReportPayload(payload: Uint8Array, receivedAt: number): StatsReport {
  let bytes = payload;
  if (payload.length > 0 && payload[0] === 0x78) {
    try {
      bytes = inflateSync(payload, { maxOutputLength: MAX_INFLATED_BYTES });
    } catch (error) {
      throw new ReportDecodeError('CORRUPT', `zlib: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let message: protobuf.Message;
  try {
    message = REPORT.decode(bytes);
  } catch (error) {
    const kind = error instanceof protobuf.util.ProtocolError ? 'WRONG_TYPE' : 'CORRUPT';
    throw new ReportDecodeError(kind, `protobuf: ${error instanceof Error ? error.message : String(error)}`);
  }
  const plain = REPORT.toObject(message, { longs: Number, enums: String, defaults: false, arrays: true }) as RawReport;
  return toStatsReport(plain, receivedAt);
}

interface RawReport {
  nodeID: string;
  clients: { band: string; channel: number; client_list: RawClient[] }[];
  survey: { band: string; survey_type: string; survey_list: { channel: number; busy?: number; noise_floor?: number }[] }[];
  device: {
    uptime?: number;
    load?: { one?: number };
    mem_util?: { mem_total: number; mem_used: number };
    cpuUtil?: { cpu_util?: number };
    radio_temp: { value?: number }[];
  }[];
}

interface RawClient {
  mac_address: string;
  stats?: { rx_bytes?: number; tx_bytes?: number; rx_rate?: number; tx_rate?: number; rssi?: number };
}

function toStatsReport(r: RawReport, at: number): StatsReport {
  const clients: ClientSample[] = [];
  for (const report of r.clients) {
    for (const c of report.client_list) {
      clients.push({
        mac: c.mac_address.trim().toLowerCase(),
        band: BANDS[report.band] ?? report.band,
        channel: report.channel,
        at,
        rxBytes: c.stats?.rx_bytes ?? 0,
        txBytes: c.stats?.tx_bytes ?? 0,
        rxRateMbps: c.stats?.rx_rate ?? null,
        txRateMbps: c.stats?.tx_rate ?? null,
        snrDb: c.stats?.rssi ?? null,
      });
    }
  }
  const radios: RadioSample[] = [];
  for (const s of r.survey) {
    if (s.survey_type !== 'ON_CHANNEL') continue;
    for (const sample of s.survey_list) {
      radios.push({
        band: BANDS[s.band] ?? s.band,
        channel: sample.channel,
        at,
        busyPct: sample.busy === undefined ? null : Math.min(100, sample.busy),
        noiseFloorDbm: sample.noise_floor ?? null,
      });
    }
  }
  const devices: DeviceSample[] = r.device.map((d) => ({
    at,
    uptimeS: d.uptime ?? null,
    load1: d.load?.one ?? null,
    memUsedKb: d.mem_util?.mem_used ?? null,
    memTotalKb: d.mem_util?.mem_total ?? null,
    cpuPct: d.cpuUtil?.cpu_util ?? null,
    tempC: d.radio_temp.reduce<number | null>((max, t) => (t.value === undefined ? max : max === null ? t.value : Math.max(max, t.value)), null),
  }));
  return { nodeId: r.nodeID, clients, radios, devices };
}
