// OpenSync's QM and stats managers, simulated: once AWLAN_Node.mqtt_settings names a broker
// and a topic, the device connects (client id = its serial, as osp_unit_id) and publishes
// one merged sts.Report every agg_stats_interval seconds: a client report per band with
// each associated client's traffic (deltas over the window) and SNR, an on-channel survey
// per radio, and device stats (uptime, load, memory, radio temperature), zlib-compressed
// when compress=zlib. Traffic and signal are seeded from the serial. Real devices always use
// TLS; the simulator uses TLS when given certificate material, plain TCP otherwise.
import { deflateSync } from 'node:zlib';
import { OPENSYNC_STATS_PROTO } from '@lib/opensync';
import { connect, IClientOptions, MqttClient } from 'mqtt';
import * as protobuf from 'protobufjs';
import { DeviceDbPort } from './device-db-port';
import { seededRandom } from './seeded-random';

const REPORT = protobuf.parse(OPENSYNC_STATS_PROTO, { keepCase: true }).root.resolveAll().lookupType('sts.Report');
const BAND_ENUM: Record<string, string> = { '2.4G': 'BAND2G', '5G': 'BAND5G', '5GL': 'BAND5GL', '5GU': 'BAND5GU', '6G': 'BAND6G' };

export interface MqttTls {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

interface Target {
  url: string;
  topic: string;
  zlib: boolean;
  intervalMs: number;
}

export class StatsPublisher {
  /** Reports published, for progress reports and tests. */
  published = 0;
  private readonly random: () => number;
  private readonly bootedAt = Date.now();
  private unsubscribe: (() => void) | undefined;
  private client: MqttClient | undefined;
  private timer: NodeJS.Timeout | undefined;
  private target: Target | undefined;

  constructor(
    private readonly port: DeviceDbPort,
    private readonly serial: string,
    private readonly tls: MqttTls | undefined,
    private readonly log: (message: string) => void,
    private readonly enabled = true,
  ) {
    this.random = seededRandom(`stats:${serial}`);
  }

  start(): void {
    if (!this.enabled || !this.port.hasColumn('AWLAN_Node', 'mqtt_settings')) return;
    this.unsubscribe = this.port.onChange((tables) => {
      if (tables.has('AWLAN_Node')) this.configure();
    });
    this.configure();
  }

  stop(): void {
    this.unsubscribe?.();
    this.disconnect();
  }

  /** The sts.Report the device would publish now (exposed for tests). */
  report(): Buffer {
    const clientsByBand = new Map<string, { mac: string }[]>();
    const vifs = this.port.rows('Wifi_VIF_State');
    const radios = this.port.rows('Wifi_Radio_State').length > 0 ? this.port.rows('Wifi_Radio_State') : this.port.rows('Wifi_Radio_Config');
    const clientRows = new Map(this.port.rows('Wifi_Associated_Clients').map((r) => [r._uuid as string, r]));
    for (const vif of vifs) {
      const radio = radios.find((r) => Array.isArray(r.vif_states) && (r.vif_states as string[]).includes(vif._uuid as string)) ?? radios.find((r) => String(vif.if_name).endsWith(bandSuffix(String(r.freq_band))));
      const band = String(radio?.freq_band ?? '2.4G');
      for (const uuid of Array.isArray(vif.associated_clients) ? (vif.associated_clients as string[]) : []) {
        const row = clientRows.get(uuid);
        if (row) clientsByBand.set(band, [...(clientsByBand.get(band) ?? []), { mac: String(row.mac) }]);
      }
    }
    const windowS = (this.target?.intervalMs ?? 60_000) / 1000;
    const now = Date.now();
    const message = REPORT.fromObject({
      nodeID: this.serial,
      clients: [...clientsByBand].map(([band, list]) => ({
        band: BAND_ENUM[band] ?? 'BAND2G',
        channel: channelOf(radios, band),
        timestamp_ms: now,
        client_list: list.map((c) => ({
          mac_address: c.mac,
          connected: true,
          duration_ms: now - this.bootedAt,
          stats: {
            rx_bytes: Math.round(windowS * 20_000 * (0.2 + this.random() * 1.6)),
            tx_bytes: Math.round(windowS * 4_000 * (0.2 + this.random() * 1.6)),
            rx_rate: 200 + Math.round(this.random() * 600),
            tx_rate: 200 + Math.round(this.random() * 600),
            rssi: 15 + Math.round(this.random() * 45),
          },
        })),
      })),
      survey: radios.map((r) => ({
        band: BAND_ENUM[String(r.freq_band)] ?? 'BAND2G',
        survey_type: 'ON_CHANNEL',
        timestamp_ms: now,
        survey_list: [{ channel: channelOf(radios, String(r.freq_band)), duration_ms: 1000, busy: 10 + Math.round(this.random() * 60), noise_floor: -95 + Math.round(this.random() * 10) }],
      })),
      device: [
        {
          uptime: Math.floor((now - this.bootedAt) / 1000),
          timestamp_ms: now,
          load: { one: Math.round(this.random() * 100) / 100 },
          mem_util: { mem_total: 524288, mem_used: 150000 + Math.round(this.random() * 100000) },
          radio_temp: radios.map((r) => ({ band: BAND_ENUM[String(r.freq_band)] ?? 'BAND2G', value: 45 + Math.round(this.random() * 20) })),
        },
      ],
    });
    const bytes = Buffer.from(REPORT.encode(message).finish());
    return this.target?.zlib === false ? bytes : deflateSync(bytes);
  }

  private configure(): void {
    const node = this.port.rows('AWLAN_Node')[0];
    const settings = node?.mqtt_settings instanceof Map ? (node.mqtt_settings as Map<string, string>) : new Map<string, string>();
    const broker = settings.get('broker');
    const topic = settings.get('topics');
    const next: Target | undefined =
      broker && topic
        ? {
            url: `${this.tls ? 'mqtts' : 'mqtt'}://${broker}:${settings.get('port') ?? '8883'}`,
            topic,
            zlib: settings.get('compress') === 'zlib',
            intervalMs: Math.max(1, Number(settings.get('agg_stats_interval') ?? '60')) * 1000,
          }
        : undefined;
    if (JSON.stringify(next) === JSON.stringify(this.target)) return;
    this.disconnect();
    this.target = next;
    if (next === undefined) return;
    const options: IClientOptions = { clientId: this.serial, reconnectPeriod: 5000, connectTimeout: 10_000, ...(this.tls ?? {}) };
    this.client = connect(next.url, options);
    this.client.on('error', (error) => this.log(`MQTT: ${error.message}`));
    // Spread the fleet's reports over the interval, as real devices' clocks are.
    const first = Math.floor(this.random() * next.intervalMs);
    this.timer = setTimeout(() => {
      this.publish();
      this.timer = setInterval(() => this.publish(), next.intervalMs);
      this.timer.unref();
    }, first);
    this.timer.unref();
  }

  private publish(): void {
    const client = this.client;
    const target = this.target;
    if (client === undefined || target === undefined || !client.connected) return;
    client.publish(target.topic, this.report(), { qos: 0 });
    this.published++;
  }

  private disconnect(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      clearInterval(this.timer);
    }
    this.timer = undefined;
    this.client?.end(true);
    this.client = undefined;
  }
}

function channelOf(radios: readonly Record<string, unknown>[], band: string): number {
  const channel = radios.find((r) => r.freq_band === band)?.channel;
  return typeof channel === 'number' ? channel : 1;
}

function bandSuffix(band: string): string {
  return band === '2.4G' ? '24' : band === '6G' ? '60' : '50';
}
