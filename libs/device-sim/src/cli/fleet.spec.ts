import { loadSchemaFile } from '../server/ovsdb-server';
import { OPENSYNC_SUBSET_SCHEMA_PATH } from '../schema-files';
import { Fleet } from './fleet';
import { parseFleetArgs } from './fleet-options';

describe('Fleet', () => {
  const schema = loadSchemaFile(OPENSYNC_SUBSET_SCHEMA_PATH);
  const addresses = async (argv: string[]): Promise<Record<string, unknown>> => {
    // Port 9 on loopback: nothing listens, the dial fails and the device backs off.
    const fleet = new Fleet(parseFleetArgs(['--devices', '1', '--min-backoff', '60', '--max-backoff', '60', ...argv]), schema);
    try {
      await fleet.start();
      const node = fleet.devices[0].database.rows('AWLAN_Node')[0];
      return { redirector: node.redirector_addr, manager: node.manager_addr };
    } finally {
      await fleet.stop();
    }
  };

  it('boots devices with manager_addr set from --controller', async () => {
    expect(await addresses(['--controller', 'tcp:127.0.0.1:9'])).toEqual({ redirector: '', manager: 'tcp:127.0.0.1:9' });
  });

  it('boots devices with only redirector_addr set from --redirector, as shipped OpenSync devices', async () => {
    expect(await addresses(['--redirector', 'tcp:127.0.0.1:9'])).toEqual({ redirector: 'tcp:127.0.0.1:9', manager: '' });
  });

  it('runs its share of the fleet with --shard, each device under its serial in the whole fleet', async () => {
    const serials = async (shard: string): Promise<string[]> => {
      const fleet = new Fleet(parseFleetArgs(['--devices', '5', '--min-backoff', '60', '--max-backoff', '60', '--controller', 'tcp:127.0.0.1:9', '--shard', shard]), schema);
      try {
        await fleet.start();
        expect(fleet.stats().devices).toBe(fleet.devices.length);
        return fleet.devices.map((d) => String(d.database.rows('AWLAN_Node')[0].serial_number));
      } finally {
        await fleet.stop();
      }
    };
    expect(await serials('0/2')).toEqual(['SIM000001', 'SIM000003', 'SIM000005']);
    expect(await serials('1/2')).toEqual(['SIM000002', 'SIM000004']);
  });
});
