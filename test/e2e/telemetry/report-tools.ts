// Reports made and published by tools nobody here wrote: `protoc --encode` (Debian
// protobuf-compiler) encodes a text-format sts.Report with OpenSync's own .proto, and
// `mosquitto_pub` (Debian mosquitto-clients) publishes it. Tests skip, saying why, when the
// tools, the reference .proto or the broker are missing.

import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

export const REFERENCE_PROTO = resolve(__dirname, '../../../../shared/opensync/opensync_stats.proto');

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

export function toolsSkipReason(): string | undefined {
  const missing = ['mosquitto_pub', 'protoc'].filter((c) => !hasCommand(c));
  if (missing.length > 0) return `${missing.join(' and ')} not installed (apt-get install mosquitto-clients protobuf-compiler)`;
  if (!existsSync(REFERENCE_PROTO)) return `OpenSync's opensync_stats.proto not found at ${REFERENCE_PROTO}`;
  return undefined;
}

export function brokerReachable(host: string, port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = new Socket();
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.once('timeout', () => {
      socket.destroy();
      done(false);
    });
    socket.connect(port, host);
  });
}

/** protoc --encode=sts.Report with the reference .proto. */
export function encodeReport(textFormat: string): Buffer {
  return execFileSync('protoc', [`--encode=sts.Report`, `-I${dirname(REFERENCE_PROTO)}`, REFERENCE_PROTO], { input: textFormat });
}

/**
 * mosquitto_pub of the bytes (zlib-compressed first when asked, as QM does with compress=zlib).
 * Asynchronous: the embedded broker runs in this process and must answer meanwhile.
 */
export async function publish(port: number, topic: string, payload: Buffer, options: { zlib?: boolean } = {}): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  const file = join(dir, 'payload.bin');
  writeFileSync(file, options.zlib ? deflateSync(payload) : payload);
  await promisify(execFile)('mosquitto_pub', ['-h', '127.0.0.1', '-p', String(port), '-t', topic, '-f', file, '-q', '0']);
}

export function clientReportText(nodeId: string, clients: { mac: string; rx: number; tx: number; snr: number }[], uptime: number): string {
  const list = clients
    .map((c) => `client_list { mac_address: "${c.mac}" connected: true stats { rx_bytes: ${c.rx} tx_bytes: ${c.tx} rx_rate: 400.5 tx_rate: 866 rssi: ${c.snr} } }`)
    .join(' ');
  return [
    `nodeID: "${nodeId}"`,
    `clients { band: BAND2G channel: 6 timestamp_ms: ${Date.now()} ${list} }`,
    `survey { band: BAND2G survey_type: ON_CHANNEL survey_list { channel: 6 busy: 37 noise_floor: -92 } }`,
    `device { uptime: ${uptime} load { one: 0.25 } mem_util { mem_total: 512000 mem_used: 128000 } radio_temp { band: BAND2G value: 55 } }`,
  ].join('\n');
}
