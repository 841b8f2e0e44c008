// The project's sts subset against OpenSync's opensync_stats.proto: every message, enum,
// field number, type and label must be OpenSync's. And a report encoded from the reference
// file (zlib-compressed as QM sends it) decodes to the expected samples.

import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import * as protobuf from 'protobufjs';
import { decodeReportPayload, ReportDecodeError, STATS_ROOT } from './report-decoder';

const REFERENCE = resolve(__dirname, '../../../../shared/opensync/opensync_stats.proto');

function typesOf(ns: protobuf.NamespaceBase, out: (protobuf.Type | protobuf.Enum)[] = []): (protobuf.Type | protobuf.Enum)[] {
  for (const nested of ns.nestedArray) {
    if (nested instanceof protobuf.Type || nested instanceof protobuf.Enum) out.push(nested);
    if (nested instanceof protobuf.Namespace || nested instanceof protobuf.Type) typesOf(nested, out);
  }
  return out;
}

function label(f: protobuf.Field): string {
  return f.repeated ? 'repeated' : f.required ? 'required' : 'optional';
}

describe('sts.Report subset', () => {
  if (!existsSync(REFERENCE)) {
    it.skip(`agrees with OpenSync's opensync_stats.proto (reference not found at ${REFERENCE})`, () => undefined);
    return;
  }
  const reference = protobuf.parse(readFileSync(REFERENCE, 'utf8'), { keepCase: true }).root.resolveAll();

  it('has OpenSync\'s field numbers, types and labels for every field it declares', () => {
    const problems: string[] = [];
    for (const ours of typesOf(STATS_ROOT)) {
      const theirs = reference.lookup(ours.fullName);
      if (ours instanceof protobuf.Enum) {
        if (!(theirs instanceof protobuf.Enum)) problems.push(`${ours.fullName}: no such enum`);
        else for (const [name, id] of Object.entries(ours.values)) if (theirs.values[name] !== id) problems.push(`${ours.fullName}.${name} = ${id}`);
        continue;
      }
      if (!(theirs instanceof protobuf.Type)) {
        problems.push(`${ours.fullName}: no such message`);
        continue;
      }
      for (const field of ours.fieldsArray) {
        const t = theirs.fields[field.name];
        if (t === undefined) problems.push(`${ours.fullName}.${field.name}: no such field`);
        else if (t.id !== field.id || t.type !== field.type || t.repeated !== field.repeated || t.required !== field.required) {
          problems.push(`${ours.fullName}.${field.name}: ours ${label(field)} ${field.type} = ${field.id}, OpenSync ${label(t)} ${t.type} = ${t.id}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // And it declares what ingestion reads.
    expect(STATS_ROOT.lookupType('sts.Report').fields.clients.id).toBe(5);
  });

  it('decodes a zlib-compressed report encoded from the reference .proto', () => {
    const Report = reference.lookupType('sts.Report');
    const message = Report.fromObject({
      nodeID: 'SER1',
      clients: [{ band: 'BAND5G', channel: 36, timestamp_ms: 1_700_000_000_000, client_list: [{ mac_address: 'AA:BB:CC:00:00:01', connected: true, stats: { rx_bytes: 1000, tx_bytes: 5000, rx_rate: 433.3, tx_rate: 866.7, rssi: 38, rx_frames: 7 }, tid_stats: [] }] }],
      survey: [{ band: 'BAND2G', survey_type: 'ON_CHANNEL', survey_list: [{ channel: 6, busy: 42, noise_floor: -95 }] }, { band: 'BAND2G', survey_type: 'OFF_CHANNEL', survey_list: [{ channel: 1, busy: 10 }] }],
      device: [{ uptime: 3600, load: { one: 0.5 }, mem_util: { mem_total: 512000, mem_used: 200000 }, radio_temp: [{ band: 'BAND2G', value: 51 }, { band: 'BAND5G', value: 58 }], cpuUtil: { cpu_util: 12 } }],
      power_mode: 'PM_ON',
    });
    const payload = deflateSync(Buffer.from(Report.encode(message).finish()));
    expect(payload[0]).toBe(0x78);
    const report = decodeReportPayload(payload, 1000);
    expect(report.nodeId).toBe('SER1');
    expect(report.clients).toEqual([{ mac: 'aa:bb:cc:00:00:01', band: '5G', channel: 36, at: 1000, rxBytes: 1000, txBytes: 5000, rxRateMbps: 433.3, txRateMbps: 866.7, snrDb: 38 }]);
    expect(report.radios).toEqual([{ band: '2.4G', channel: 6, at: 1000, busyPct: 42, noiseFloorDbm: -95 }]);
    expect(report.devices).toEqual([{ at: 1000, uptimeS: 3600, load1: 0.5, memUsedKb: 200000, memTotalKb: 512000, cpuPct: 12, tempC: 58 }]);
  });

  it('refuses corrupt zlib, garbage and a protobuf of another type with a stable kind', () => {
    const kind = (payload: Buffer): string => {
      try {
        decodeReportPayload(payload, 0);
        return 'decoded';
      } catch (e) {
        return e instanceof ReportDecodeError ? e.kind : String(e);
      }
    };
    expect(kind(Buffer.from([0x78, 0x9c, 1, 2, 3, 4]))).toBe('CORRUPT');
    expect(kind(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]))).toBe('CORRUPT');
    // A Device message alone (a valid protobuf, not a Report): no nodeID.
    const device = reference.lookupType('sts.Device');
    expect(kind(Buffer.from(device.encode(device.fromObject({ uptime: 5 })).finish()))).toBe('WRONG_TYPE');
  });
});
