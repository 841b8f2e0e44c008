// Telemetry settings from the environment (docs/configuration.md, docs/telemetry.md):
// where the controller reads reports (MQTT_URL, or an embedded broker when unset), what it
// tells devices (MQTT_DEVICE_BROKER, the topic prefix), the defaults of the per-group stats
// intervals, and how long samples are kept.

import { ConfigError } from '../config/config-error';
import { Env, EnvReader } from '../config/env-readers';

export interface TelemetryConfig {
  /** mqtt:// or mqtts:// URL of an external broker; undefined: the embedded broker. */
  mqttUrl?: string;
  /** host and port devices must use to reach the broker; undefined: mqtt_settings are not written. */
  deviceBroker?: { host: string; port: number };
  topicPrefix: string;
  /** Embedded broker: where devices connect (TLS when the device TLS material is configured). */
  embeddedHost?: string;
  embeddedPort: number;
  defaults: StatsDefaults;
  rawRetentionDays: number;
  hourlyRetentionDays: number;
  /** SQLite only: the telemetry file; undefined: `<main file>-telemetry.sqlite`. */
  sqlitePath?: string;
}

export interface StatsDefaults {
  aggStatsIntervalS: number;
  reportingIntervalS: number;
  samplingIntervalS: number;
  surveyIntervalS: number;
}

export const TELEMETRY_CONFIG = Symbol('TELEMETRY_CONFIG');

const TOPIC_PREFIX = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

export function loadTelemetryConfig(env: Env): TelemetryConfig {
  const r = new EnvReader(env);
  const mqttUrl = r.string('MQTT_URL');
  if (mqttUrl !== undefined && !/^mqtts?:\/\/[^/]+/.test(mqttUrl)) r.fail('MQTT_URL', 'must be mqtt://host[:port] or mqtts://host[:port]');
  const deviceBroker = parseHostPort(r, 'MQTT_DEVICE_BROKER', r.string('MQTT_DEVICE_BROKER'));
  const topicPrefix = r.string('MQTT_TOPIC_PREFIX') ?? 'opensync';
  if (!TOPIC_PREFIX.test(topicPrefix)) r.fail('MQTT_TOPIC_PREFIX', 'must be topic levels of letters, digits, - and _ separated by /');
  const config: TelemetryConfig = {
    mqttUrl,
    deviceBroker,
    topicPrefix,
    embeddedHost: r.string('MQTT_EMBEDDED_HOST'),
    embeddedPort: r.integer('MQTT_EMBEDDED_PORT', 1883, 0, 65535),
    defaults: {
      aggStatsIntervalS: r.integer('STATS_AGG_INTERVAL_S', 60, 1, 3600),
      reportingIntervalS: r.integer('STATS_REPORTING_INTERVAL_S', 60, 10, 3600),
      samplingIntervalS: r.integer('STATS_SAMPLING_INTERVAL_S', 10, 1, 3600),
      surveyIntervalS: r.integer('STATS_SURVEY_INTERVAL_S', 120, 10, 3600),
    },
    rawRetentionDays: r.integer('TELEMETRY_RAW_RETENTION_DAYS', 7, 1, 365),
    hourlyRetentionDays: r.integer('TELEMETRY_HOURLY_RETENTION_DAYS', 90, 1, 3650),
    sqlitePath: readSqlitePath(r),
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return config;
}

function readSqlitePath(r: EnvReader): string | undefined {
  const path = r.string('TELEMETRY_SQLITE_PATH');
  if (path === undefined) return undefined;
  if (path.trim() === '' || path === ':memory:' || path.startsWith('sqlite:') || path.includes('\0')) {
    r.fail('TELEMETRY_SQLITE_PATH', 'must be a file path (the SQLite file the telemetry samples are written to)');
    return undefined;
  }
  return path;
}

function parseHostPort(r: EnvReader, name: string, value: string | undefined): { host: string; port: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\])(?::(\d{1,5}))?$/.exec(value);
  const port = match?.[2] === undefined ? 8883 : Number(match[2]);
  if (match === null || port < 1 || port > 65535) {
    r.fail(name, 'must be host or host:port (the address devices use to reach the broker)');
    return undefined;
  }
  return { host: match[1], port };
}
