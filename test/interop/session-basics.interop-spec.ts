// A real ovsdb-server with the OpenSync schema dials our listener, as a device does.
import { firstValueFrom } from 'rxjs';
import { OvsdbListener } from '@lib/ovsdb/listener/ovsdb-listener';
import type { OvsdbSession } from '@lib/ovsdb/session/ovsdb-session';
import { describeWithOvsdb, OvsdbServerProcess } from '../support/ovsdb-server-process';

describeWithOvsdb('a real ovsdb-server over tcp', () => {
  let listener: OvsdbListener;
  let server: OvsdbServerProcess;
  let session: OvsdbSession;

  beforeAll(async () => {
    listener = new OvsdbListener({ listen: 'tcp:127.0.0.1:0', probeIntervalMs: 0 });
    const [bound] = await listener.start();
    const first = firstValueFrom(listener.sessions);
    server = await OvsdbServerProcess.start({ remotes: [`tcp:127.0.0.1:${bound.port}`] });
    session = await first;
  });

  afterAll(async () => {
    await server?.stop();
    await listener?.close();
  });

  it('lists its database and sends the OpenSync schema', async () => {
    await expect(session.listDbs()).resolves.toContain('Open_vSwitch');
    const schema = await session.getSchema('Open_vSwitch');
    expect(schema.name).toBe('Open_vSwitch');
    expect(schema.table('Wifi_VIF_Config')?.columns.has('ssid')).toBe(true);
    expect(await session.getSchema('Open_vSwitch')).toBe(schema);
  });

  it('answers our echo', async () => {
    await expect(session.echo(['hello', 42])).resolves.toEqual(['hello', 42]);
  });

  it('reports an unknown database as an RPC error', async () => {
    await expect(session.getSchema('Nope')).rejects.toMatchObject({ code: 'RPC_ERROR' });
  });
});
