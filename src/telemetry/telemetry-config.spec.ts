import { ConfigError } from '../config/config-error';
import { loadTelemetryConfig } from './telemetry-config';

describe('loadTelemetryConfig', () => {
  it('defaults: embedded broker, nothing written to devices, 7/90 days retention', () => {
    const c = loadTelemetryConfig({});
    expect(c).toMatchObject({ mqttUrl: undefined, deviceBroker: undefined, topicPrefix: 'opensync', embeddedPort: 1883, rawRetentionDays: 7, hourlyRetentionDays: 90 });
    expect(c.defaults).toEqual({ aggStatsIntervalS: 60, reportingIntervalS: 60, samplingIntervalS: 10, surveyIntervalS: 120 });
  });

  it('reads the broker the devices use, 8883 unless a port is given', () => {
    expect(loadTelemetryConfig({ MQTT_DEVICE_BROKER: 'mqtt.isp.example' }).deviceBroker).toEqual({ host: 'mqtt.isp.example', port: 8883 });
    expect(loadTelemetryConfig({ MQTT_DEVICE_BROKER: '10.0.0.2:1884', MQTT_URL: 'mqtt://127.0.0.1:1883' })).toMatchObject({
      deviceBroker: { host: '10.0.0.2', port: 1884 },
      mqttUrl: 'mqtt://127.0.0.1:1883',
    });
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      loadTelemetryConfig({ MQTT_URL: 'http://x', MQTT_DEVICE_BROKER: 'a b', MQTT_TOPIC_PREFIX: 'a/#', TELEMETRY_RAW_RETENTION_DAYS: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.variable)).toEqual(['MQTT_URL', 'MQTT_DEVICE_BROKER', 'MQTT_TOPIC_PREFIX', 'TELEMETRY_RAW_RETENTION_DAYS']);
  });
});
