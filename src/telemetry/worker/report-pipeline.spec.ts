import { deflateSync } from 'node:zlib';
import { STATS_ROOT } from '../proto/report-decoder';
import { ReportPipeline } from './report-pipeline';
import { WORKER_COUNTERS, WorkerCounter } from './worker-protocol';

const REPORT = STATS_ROOT.lookupType('sts.Report');
const encode = (nodeID: string, uptime: number): Buffer =>
  Buffer.from(REPORT.encode(REPORT.fromObject({ nodeID, clients: [{ band: 'BAND2G', channel: 6, timestamp_ms: 1, client_list: [{ mac_address: 'AA:BB:CC:00:00:01', connected: true, stats: { rx_bytes: 10, tx_bytes: 1, rssi: 30 } }] }], survey: [], device: [{ uptime, radio_temp: [] }] })).finish());

describe('ReportPipeline', () => {
  const setup = (): { pipeline: ReportPipeline; counters: Record<WorkerCounter, number>; logs: string[] } => {
    const counters = Object.fromEntries(WORKER_COUNTERS.map((c) => [c, 0])) as Record<WorkerCounter, number>;
    const logs: string[] = [];
    return { pipeline: new ReportPipeline(counters, (_level, m) => logs.push(m)), counters, logs };
  };
  const job = (payload: Buffer, receivedAt: number) => ({ nodeId: 'n1', locationId: 'l1', serial: 'SER1', payload, receivedAt });

  it('turns a report into samples of its node and location, and sees a reboot in arrival order', () => {
    const { pipeline, counters, logs } = setup();
    const first = pipeline.process(job(deflateSync(encode('SER1', 7200)), 1000));
    expect(first).toMatchObject({ nodeId: 'n1', locationId: 'l1', receivedAt: 1000, clients: [{ mac: 'aa:bb:cc:00:00:01', band: '2.4G', rxBytes: 10, at: 1000 }] });
    expect(first?.devices[0].rebooted).toBe(false);
    expect(pipeline.process(job(encode('SER1', 30), 2000))?.devices[0].rebooted).toBe(true);
    expect(counters).toMatchObject({ reportsAccepted: 2, rebootsDetected: 1 });
    expect(logs).toEqual(['[serial=SER1] rebooted: uptime went from 7200 s to 30 s']);
  });

  it('counts each kind of bad report and logs once per node per minute', () => {
    const { pipeline, counters, logs } = setup();
    expect(pipeline.process(job(Buffer.from([0x78, 0x9c, 1, 2]), 1))).toBeNull();
    expect(pipeline.process(job(Buffer.from([0x20, 0x05]), 2))).toBeNull();
    expect(pipeline.process(job(encode('OTHER', 5), 3))).toBeNull();
    expect(counters).toMatchObject({ droppedCorrupt: 1, droppedWrongType: 1, droppedNodeMismatch: 1, reportsAccepted: 0 });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('[serial=SER1] report dropped (CORRUPT)');
  });
});
