// The controller's MQTT client: connects to MQTT_URL, or to the embedded broker when it is
// unset, subscribes to every node's stats topic (<prefix>/+) and hands each message to the
// ingestor. With an external broker (MQTT_URL), readiness fails while the client is not
// connected to it (the check 'mqtt'); the embedded broker lives in this process.

import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { connect, MqttClient } from 'mqtt';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { ReadinessChecks } from '../../health/readiness-checks';
import { ReportIngestor } from '../ingest/report-ingestor.service';
import { TELEMETRY_CONFIG, TelemetryConfig } from '../telemetry-config';
import { EmbeddedBroker } from './embedded-broker';

@Injectable()
export class TelemetryMqttService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Telemetry');
  private client: MqttClient | undefined;
  private embedded: EmbeddedBroker | undefined;

  constructor(
    @Inject(TELEMETRY_CONFIG) private readonly config: TelemetryConfig,
    @Inject(APP_CONFIG) private readonly app: AppConfig,
    private readonly ingestor: ReportIngestor,
    private readonly readiness: ReadinessChecks,
  ) {}

  /** Whether the controller's client is connected to the broker (readiness). */
  isConnected(): boolean {
    return this.client?.connected ?? false;
  }

  /** The embedded broker's device port (0: none, or an external broker is used). */
  get embeddedDevicePort(): number {
    return this.embedded?.devicePort ?? 0;
  }

  async onModuleInit(): Promise<void> {
    let url = this.config.mqttUrl;
    if (url !== undefined) {
      this.readiness.register('mqtt', () => {
        if (!this.isConnected()) throw new Error('not connected to the MQTT broker (MQTT_URL)');
      });
    }
    if (url === undefined) {
      this.embedded = new EmbeddedBroker();
      const { tlsCertFile, tlsKeyFile, tlsCaFile } = this.app.ovsdb;
      const tls = tlsCertFile && tlsKeyFile ? { certFile: tlsCertFile, keyFile: tlsKeyFile, caFile: tlsCaFile } : undefined;
      const device = this.config.deviceBroker && {
        host: this.config.embeddedHost ?? (tls ? '0.0.0.0' : '127.0.0.1'),
        port: this.config.embeddedPort,
        tls,
      };
      await this.embedded.start({ device: device || undefined });
      url = this.embedded.internalUrl;
    }
    const client = connect(url, { clientId: `controller-${randomBytes(6).toString('hex')}`, reconnectPeriod: 1000, connectTimeout: 10_000, clean: true });
    this.client = client;
    client.on('connect', () => {
      this.logger.log(`subscribed to ${this.ingestor.subscription} on ${this.config.mqttUrl === undefined ? 'the embedded broker' : redact(url)}`);
      client.subscribe(this.ingestor.subscription, { qos: 0 });
    });
    client.on('error', (error) => this.logger.warn(`MQTT: ${error.message}`));
    client.on('message', (topic, payload) => {
      void this.ingestor.ingest(topic, payload).catch((error: unknown) => this.logger.warn(`report not ingested: ${String(error)}`));
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.client?.endAsync(true).catch(() => undefined);
    await this.embedded?.close();
  }
}

/** mqtt://user:secret@host -> mqtt://host for logs. */
function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//');
}
