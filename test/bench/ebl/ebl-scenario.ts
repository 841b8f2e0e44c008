// Part "ebl", equipment-based localisation (issue #20). Two measurements, in this process:
// 1. Matching cost per client event, p50/p99/max, against 100,000 registered MACs and 1,000
//    vendor ids (half partial_match, half exact), with the controller's own index, presence
//    tracker and scope check; events are 1 % registered MACs and 1 % matching vendor classes.
//    Target: p99 < 0.1 ms.
// 2. Notifications per second to a local HTTP receiver: N queued deliveries in an SQLite
//    outbox (the controller's migrations), sent by the controller's delivery worker (signed,
//    one attempt row each), until every one is DELIVERED.
// --quick (or --devices) scales both down; complete runs use the full sizes.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { BenchOptions } from '../framework/bench-options';
import type { BenchRow, PartReport } from '../framework/bench-result';
import { verdict } from '../framework/bench-result';
import { percentile } from '../framework/stats';
import { buildDataSourceOptions } from '../../../src/database/data-source-options';
import { TransactionRunner } from '../../../src/database/transaction-runner';
import type { AppConfig } from '../../../src/config/app-config';
import { CacheInvalidations } from '../../../src/domain-events/cache-invalidations.service';
import { loadEblConfig } from '../../../src/ebl/ebl-config';
import { EblDeliveryWorker } from '../../../src/ebl/delivery/ebl-delivery-worker.service';
import { EblOutboxService } from '../../../src/ebl/delivery/ebl-outbox.service';
import { PresenceTracker } from '../../../src/ebl/matching/presence-tracker';
import { RegistrationIndex } from '../../../src/ebl/matching/registration-index';
import { EblProvidersService } from '../../../src/ebl/providers/ebl-providers.service';
import { EblDeliveryAttemptRow, EblDeliveryRow } from '../../../src/ebl/store/ebl-delivery.entities';
import { EblProviderRow } from '../../../src/ebl/store/ebl-provider.entity';
import { EblMacRow, EblVendorIdRow } from '../../../src/ebl/store/ebl-registration.entities';

const TITLE = 'EBL. Equipment-based localisation';

function us(msValue: number): string {
  return msValue >= 1 ? `${msValue.toFixed(1)} ms` : `${(msValue * 1000).toFixed(msValue < 0.01 ? 2 : 1)} µs`;
}

function mac(i: number): string {
  return (0x020000000000 + i).toString(16).padStart(12, '0').match(/../g)!.join(':');
}

function matching(macCount: number, vendorCount: number, events: number): { rows: BenchRow[]; notes: string[] } {
  const index = new RegistrationIndex();
  const providers = 20;
  for (let i = 0; i < macCount; i++) index.putMac({ id: `m${i}`, providerId: `p${i % providers}`, mac: mac(i), deleteOnMatch: i % 2 === 0, validUntil: null });
  for (let i = 0; i < vendorCount; i++) {
    index.putVendorId({ id: `v${i}`, providerId: `p${i % providers}`, vendorId: `vendor${i}_${i % 2 === 0 ? 'rgw' : 'stb'}`, matchType: i % 2 === 0 ? 'partial_match' : 'exact' });
  }
  const presence = new PresenceTracker(3_600_000);
  const samples: number[] = [];
  let hits = 0;
  const generic = ['MSFT 5.0', 'udhcp 1.36.1', 'android-dhcp-14', 'dhcpcd-9.4.1:Linux-6.1.0:aarch64:Broadcom'];
  for (let e = 0; e < events; e++) {
    const registered = e % 100 === 0;
    const m = registered ? mac((e * 7919) % macCount) : mac(macCount + e);
    const v = e % 100 === 50 ? `vendor${(e * 31) % vendorCount}_${((e * 31) % vendorCount) % 2 === 0 ? 'rgw_01 fw 3.2' : 'stb'}` : generic[e % generic.length];
    const t0 = process.hrtime.bigint();
    const result = index.match(m, v, e);
    for (const hit of result.hits) {
      if (presence.sighted(hit.reg.providerId, 'loc', m, 'node', e)) hits++;
    }
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const p99 = percentile(samples, 99);
  return {
    rows: [
      { metric: `matching cost per client event, p50 (${macCount.toLocaleString('en')} MACs, ${vendorCount.toLocaleString('en')} vendor ids)`, value: us(percentile(samples, 50)) },
      { metric: 'matching cost per client event, p99', value: us(p99), target: '< 0.1 ms', verdict: verdict(p99 < 0.1) },
      { metric: 'matching cost per client event, max', value: us(samples.reduce((a, b) => Math.max(a, b), 0)) },
    ],
    notes: [`${events.toLocaleString('en')} events, 1 % registered MACs and 1 % matching vendor classes (${hits} discoveries); index, scope-free presence, one process`],
  };
}

async function deliveries(count: number): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ebl-'));
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received++;
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ebl/notification`;
  const dataSource = new DataSource({ ...buildDataSourceOptions(`sqlite:${join(dir, 'ebl.sqlite')}`), entities: [join(__dirname, '../../../src/**/*.entity.ts'), EblMacRow, EblVendorIdRow, EblDeliveryRow, EblDeliveryAttemptRow], logging: false });
  await dataSource.initialize();
  try {
    const config = loadEblConfig({ EBL_ALLOW_HTTP: 'true', EBL_POLL_INTERVAL_MS: '50' });
    const transactions = new TransactionRunner(dataSource);
    const groupId = '00000000-0000-4000-8000-000000000001';
    const clientId = '00000000-0000-4000-8000-000000000002';
    await dataSource.query('INSERT INTO groups (id, name, created_at) VALUES (?, ?, ?)', [groupId, 'bench', new Date().toISOString()]);
    await dataSource.query(
      'INSERT INTO api_clients (id, client_id, group_id, name, confidential, redirect_uris, scopes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [clientId, 'bench-sp', groupId, 'bench provider', 1, '[]', '["ebl"]', new Date().toISOString()],
    );
    const now = new Date();
    const provider: EblProviderRow = { apiClientId: clientId, groupId, locationScope: 'ALL_LOCATIONS', locationIds: [], notificationUrl: url, secret: randomBytes(32).toString('base64url'), accessIdSource: 'SERVICE_ID', createdAt: now, updatedAt: now };
    await dataSource.manager.insert(EblProviderRow, provider);
    const rows: EblDeliveryRow[] = Array.from({ length: count }, (_, i) => {
      const body = JSON.stringify({ mac: mac(i), accessID: `SVC-${i}`, vendorID: '', timestamp: now.toISOString() });
      return { id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`, providerId: clientId, locationId: groupId, mac: mac(i), accessId: `SVC-${i}`, vendorId: '', body, status: 'PENDING', attempts: 0, nextAttemptAt: now, expiresAt: new Date(now.getTime() + 86_400_000), lastError: null, createdAt: now, finishedAt: null };
    });
    for (let i = 0; i < rows.length; i += 200) await dataSource.manager.insert(EblDeliveryRow, rows.slice(i, i + 200));
    // The audit service is never reached here (no settings change).
    const providers = new EblProvidersService(config, {} as AppConfig, dataSource, transactions, undefined as never, new CacheInvalidations());
    await providers.onModuleInit();
    const outbox = new EblOutboxService(config, dataSource, transactions, providers);
    const worker = new EblDeliveryWorker(config, dataSource, transactions, providers, outbox);
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    worker.onModuleInit();
    while ((await dataSource.manager.count(EblDeliveryRow, { where: { status: 'DELIVERED' } })) < count) await new Promise((r) => setTimeout(r, 100));
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    await worker.onModuleDestroy();
    const attempts = await dataSource.manager.count(EblDeliveryAttemptRow);
    return {
      rows: [
        { metric: `notifications delivered per second to a local receiver (${count.toLocaleString('en')} queued, SQLite)`, value: `${Math.round(count / seconds)}/s`, target: '>= 1,000/s', verdict: verdict(count / seconds >= 1000) },
        { metric: 'CPU per delivered notification (worker, receiver and outbox writes, one process)', value: us((cpu.user + cpu.system) / 1000 / count) },
      ],
      notes: [`${received} requests received, ${attempts} attempts recorded; concurrency ${config.perProviderConcurrency} per provider, one provider; the receiver runs in the same process`],
    };
  } finally {
    await dataSource.destroy();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runEbl(options: BenchOptions): Promise<PartReport[]> {
  const small = options.quick || options.devices < 10_000;
  const macCount = small ? Math.min(options.devices * 10, 100_000) : 100_000;
  const vendorCount = small ? Math.max(10, Math.round(macCount / 100)) : 1_000;
  const m = matching(macCount, vendorCount, small ? 20_000 : 200_000);
  const d = await deliveries(small ? 200 : 5_000);
  return [{ part: 'ebl', title: TITLE, rows: [...m.rows, ...d.rows], notes: [...m.notes, ...d.notes] }];
}
