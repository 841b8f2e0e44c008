// The Nest southbound module with a real ovsdb-server dialling it over ssl: the device is
// identified from AWLAN_Node and every log line about it carries its serial.
import { Test } from '@nestjs/testing';
import type { TestingModule } from '@nestjs/testing';
import type { LoggerService } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
import { APP_CONFIG } from '../../src/config/app-config';
import { ConfigModule } from '../../src/config/config.module';
import { loadConfig } from '../../src/config/load-config';
import { SouthboundModule } from '../../src/southbound/southbound.module';
import { SouthboundService } from '../../src/southbound/southbound.service';
import { describeWithOvsdb, OvsdbServerProcess } from '../support/ovsdb-server-process';
import { createTestPki } from '../support/test-certificates';
import type { TestPki } from '../support/test-certificates';

const SERIAL = 'SN-SOUTH-1';

class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown): void {
    this.lines.push(`log ${String(message)}`);
  }
  warn(message: unknown): void {
    this.lines.push(`warn ${String(message)}`);
  }
  error(message: unknown): void {
    this.lines.push(`error ${String(message)}`);
  }
}

describeWithOvsdb('SouthboundModule with a real device', () => {
  let pki: TestPki;
  let app: TestingModule;
  let device: OvsdbServerProcess | undefined;
  const logs = new CapturingLogger();

  beforeAll(async () => {
    pki = createTestPki();
    const config = loadConfig({
      JWT_SECRET: 'x'.repeat(32),
      OVSDB_LISTEN: 'ssl:127.0.0.1:0',
      OVSDB_TLS_CERT: pki.server.certFile,
      OVSDB_TLS_KEY: pki.server.keyFile,
      OVSDB_TLS_CA: pki.caFile,
      OVSDB_PROBE_INTERVAL_MS: '0',
    });
    // ConfigModule provides APP_CONFIG globally, as in the app; the test supplies its value.
    app = await Test.createTestingModule({ imports: [ConfigModule, SouthboundModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(config)
      .setLogger(logs)
      .compile();
    await app.init();
  });

  afterAll(async () => {
    await device?.stop();
    await app?.close();
    pki?.remove();
  });

  it('identifies a device from AWLAN_Node and logs with its serial', async () => {
    const service = app.get(SouthboundService);
    const [bound] = service.addresses;
    expect(bound.spec.kind).toBe('ssl');
    const cert = pki.issueClient(SERIAL);
    const identified = firstValueFrom(service.devices$);
    device = await OvsdbServerProcess.start({
      remotes: [`ssl:127.0.0.1:${bound.port}`],
      tls: { privateKey: cert.keyFile, certificate: cert.certFile, caCert: pki.caFile },
    });
    await device.transact('Open_vSwitch', {
      op: 'insert',
      table: 'AWLAN_Node',
      row: { id: 'ID-7', serial_number: SERIAL, model: 'PP203X', firmware_version: '4.2.0' },
    });
    const found = await identified;
    expect(found.identity).toEqual({ id: 'ID-7', serialNumber: SERIAL, model: 'PP203X', firmwareVersion: '4.2.0' });
    expect(found.session.serial).toBe(SERIAL);
    expect(service.devices).toHaveLength(1);
    const line = logs.lines.find((l) => l.includes('device identified'));
    expect(line).toContain(`serial=${SERIAL}`);
    expect(line).toContain('model=PP203X');
    expect(line).toContain('firmware=4.2.0');
    // Identified, the session cancels its AWLAN_Node monitor: nothing reads that table later.
    for (let i = 0; i < 250 && !/method="monitor_cancel"/.test(device.log); i++) await new Promise((r) => setTimeout(r, 20));
    expect(device.log).toMatch(/received request, method="monitor_cancel", params=\["Open_vSwitch#1"\]/);

    await device.kill();
    await found.session.closed;
    while (service.devices.length > 0) await new Promise((r) => setTimeout(r, 20));
    const closedLine = logs.lines.find((l) => l.includes('session closed'));
    expect(closedLine).toContain(`serial=${SERIAL}`);
  });
});
