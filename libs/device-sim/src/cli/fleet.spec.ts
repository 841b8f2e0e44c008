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
});
