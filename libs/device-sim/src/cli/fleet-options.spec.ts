import { parseFleetArgs, serialFor } from './fleet-options';

describe('parseFleetArgs', () => {
  it('reads the documented options with defaults', () => {
    const o = parseFleetArgs(['--devices', '10000', '--controller', 'tcp:127.0.0.1:6640', '--serial-prefix', 'P', '--apply-delay-ms=250', '--fault-rate', '0.1']);
    expect(o).toMatchObject({ devices: 10000, controller: 'tcp:127.0.0.1:6640', serialPrefix: 'P', applyDelayMs: 250, faultRate: 0.1, ssl: false });
    expect(o.inactivityProbeMs).toBe(30000);
  });

  it('reads the inactivity probe interval, 0 disabling it', () => {
    expect(parseFleetArgs(['--controller', 'tcp:h:1', '--inactivity-probe-ms', '5000']).inactivityProbeMs).toBe(5000);
    expect(parseFleetArgs(['--controller', 'tcp:h:1', '--inactivity-probe-ms=0']).inactivityProbeMs).toBe(0);
    expect(() => parseFleetArgs(['--controller', 'tcp:h:1', '--inactivity-probe-ms', '-1'])).toThrow(/--inactivity-probe-ms/);
  });

  it('turns --ssl into an ssl: controller and requires a certificate directory', () => {
    expect(() => parseFleetArgs(['--controller', 'tcp:127.0.0.1:6640', '--ssl'])).toThrow(/--cert-dir/);
    expect(parseFleetArgs(['--controller', 'tcp:127.0.0.1:6640', '--ssl', '--cert-dir', '/certs'])).toMatchObject({
      controller: 'ssl:127.0.0.1:6640',
      ssl: true,
      certDir: '/certs',
    });
  });

  it('reads --redirector: devices dial it first, and it replaces --controller', () => {
    expect(parseFleetArgs(['--controller', 'tcp:h:1'])).toMatchObject({ controller: 'tcp:h:1', redirector: false });
    expect(parseFleetArgs(['--redirector', 'tcp:127.0.0.1:6650'])).toMatchObject({ controller: 'tcp:127.0.0.1:6650', redirector: true });
    expect(() => parseFleetArgs(['--redirector', 'tcp:h:1', '--controller', 'tcp:h:2'])).toThrow(/exclude each other/);
    expect(() => parseFleetArgs(['--redirector', 'h:1'])).toThrow(/--redirector/);
  });

  it('refuses unknown options, bad numbers and a missing controller', () => {
    expect(() => parseFleetArgs(['--controller', 'tcp:h:1', '--bogus', '1'])).toThrow(/unknown option --bogus/);
    expect(() => parseFleetArgs(['--controller', 'tcp:h:1', '--fault-rate', '2'])).toThrow(/--fault-rate/);
    expect(() => parseFleetArgs(['--devices', '3'])).toThrow(/--controller/);
  });

  it('numbers serials with at least six digits', () => {
    expect(serialFor('SIM', 0, 10)).toBe('SIM000001');
    expect(serialFor('SIM', 9999, 1000000)).toBe('SIM0010000');
  });
});

describe('fleet shards', () => {
  it('runs the whole fleet by default and one share of it with --shard K/M', () => {
    expect(parseFleetArgs(['--controller', 'tcp:h:1']).shard).toEqual({ index: 0, count: 1 });
    expect(parseFleetArgs(['--controller', 'tcp:h:1', '--shard', '1/2']).shard).toEqual({ index: 1, count: 2 });
  });
  it('refuses a shard outside its count', () => {
    expect(() => parseFleetArgs(['--controller', 'tcp:h:1', '--shard', '2/2'])).toThrow(/--shard/);
    expect(() => parseFleetArgs(['--controller', 'tcp:h:1', '--shard', '0/0'])).toThrow(/--shard/);
    expect(() => parseFleetArgs(['--controller', 'tcp:h:1', '--shard', 'half'])).toThrow(/--shard/);
  });
});

describe('fleet client options', () => {
  it('reads the clients per device and their churn, none by default', () => {
    expect(parseFleetArgs(['--controller', 'tcp:h:1'])).toMatchObject({ clients: 0, clientChurnMs: 0 });
    expect(parseFleetArgs(['--controller', 'tcp:h:1', '--clients', '10', '--client-churn-ms', '30000'])).toMatchObject({ clients: 10, clientChurnMs: 30000 });
    expect(() => parseFleetArgs(['--controller', 'tcp:h:1', '--clients', '1000'])).toThrow(/--clients/);
  });
});
