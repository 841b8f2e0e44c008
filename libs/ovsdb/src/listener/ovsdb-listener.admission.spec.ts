// Sessions not yet established: capped in total and per source address, closed at the
// deadline, and freed from both caps once established. Real sockets on ephemeral ports.
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import type { OvsdbSession } from '../session/ovsdb-session';
import { OvsdbListener } from './ovsdb-listener';
import type { ListenerAdmission } from './ovsdb-listener';

function tcpClient(port: number, localAddress = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1', localAddress }, () => resolve(s));
    s.once('error', reject);
  });
}

function socketClosed(s: Socket): Promise<void> {
  return new Promise((resolve) => (s.destroyed ? resolve() : s.once('close', () => resolve())));
}

async function until(probe: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !probe(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(probe()).toBe(true);
}

const ADMISSION: ListenerAdmission = { maxMessageBytes: 4096, maxEchoBytes: 256, timeoutMs: 60_000, maxPending: 4, maxPendingPerAddress: 2 };

describe('OvsdbListener admission', () => {
  let listener: OvsdbListener | undefined;
  const clients: Socket[] = [];
  const sessions: OvsdbSession[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    sessions.splice(0);
    await listener?.close();
    listener = undefined;
  });

  async function start(admission: Partial<ListenerAdmission> = {}): Promise<number> {
    listener = new OvsdbListener({ listen: 'tcp:127.0.0.1:0', probeIntervalMs: 0, admission: { ...ADMISSION, ...admission } });
    listener.sessions.subscribe((s) => sessions.push(s));
    const [bound] = await listener.start();
    return bound.port;
  }

  async function open(port: number, address: string): Promise<Socket> {
    const s = await tcpClient(port, address);
    clients.push(s);
    return s;
  }

  it('caps sessions not yet established per address and in total, counting refusals', async () => {
    const port = await start();
    const a = [await open(port, '127.0.0.2'), await open(port, '127.0.0.2'), await open(port, '127.0.0.2')];
    await socketClosed(a[2]);
    expect(listener!.stats.refusedPendingPerAddress).toBe(1);
    const b = [await open(port, '127.0.0.3'), await open(port, '127.0.0.3')];
    await until(() => listener!.pendingCount === 4);
    const c = await open(port, '127.0.0.4');
    await socketClosed(c);
    expect(listener!.stats.refusedPending).toBe(1);
    expect(a[0].destroyed || b[0].destroyed).toBe(false);
  });

  it('frees the slot when a session is established or closed', async () => {
    const port = await start();
    await open(port, '127.0.0.5');
    await open(port, '127.0.0.5');
    await until(() => sessions.length === 2);
    sessions[0].establish();
    expect(listener!.pendingCount).toBe(1);
    sessions[1].close('gone');
    await sessions[1].closed;
    expect(listener!.pendingCount).toBe(0);
    const again = await open(port, '127.0.0.5');
    await until(() => sessions.length === 3);
    expect(again.destroyed).toBe(false);
  });

  it('closes a session not established by the deadline', async () => {
    const port = await start({ timeoutMs: 100 });
    const silent = await open(port, '127.0.0.6');
    await socketClosed(silent);
    expect(listener!.stats.handshakeTimeouts).toBe(1);
    expect(sessions[0].closeReason?.code).toBe('HANDSHAKE_TIMEOUT');
    expect(listener!.pendingCount).toBe(0);
  });
});
