// Admission terms of a session not yet established: small messages, small echoes, and
// liveness only from answers to our own requests. The far side is an in-memory peer.
import { RpcConnection } from '../rpc/rpc-connection';
import { MemoryTransport } from '../transport/memory-transport';
import { OvsdbSession } from './ovsdb-session';
import type { SessionAdmission } from './ovsdb-session';

const ADMISSION: SessionAdmission = { maxMessageBytes: 1000, establishedMaxMessageBytes: 100_000, maxEchoBytes: 100 };
const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

function connect(onEstablished?: (s: OvsdbSession) => void): { session: OvsdbSession; device: RpcConnection; wire: MemoryTransport } {
  const [ours, theirs] = MemoryTransport.pair();
  const device = new RpcConnection(theirs);
  device.handle('echo', (p) => p);
  return { session: new OvsdbSession(ours, { admission: ADMISSION, onEstablished }), device, wire: theirs };
}

describe('OvsdbSession admission terms', () => {
  it('answers small echo requests and closes on a large one before establishment', async () => {
    const { session, device } = connect();
    await expect(device.request('echo', ['x'.repeat(50)])).resolves.toEqual(['x'.repeat(50)]);
    await expect(device.request('echo', ['x'.repeat(200)])).rejects.toMatchObject({ code: 'SESSION_CLOSED' });
    expect(session.closeReason?.code).toBe('ADMISSION_LIMIT');
  });

  it('refuses messages over the admission limit, and accepts larger ones once established', async () => {
    const first = connect();
    first.wire.send({ method: 'note', params: ['x'.repeat(2000)], id: null });
    await first.session.closed;
    expect(first.session.closeReason?.code).toBe('CODEC_MESSAGE_TOO_LARGE');

    const second = connect();
    second.session.establish();
    expect(second.session.isEstablished).toBe(true);
    await expect(second.device.request('echo', ['x'.repeat(5000)])).resolves.toEqual(['x'.repeat(5000)]);
    expect(second.session.isClosed).toBe(false);
  });

  it('counts only answers to its own requests as liveness until established', async () => {
    const { session, device } = connect();
    const start = session.lastReceivedAt;
    await new Promise((r) => setTimeout(r, 20));
    await device.request('echo', []);
    await tick();
    expect(session.lastReceivedAt).toBe(start);
    await session.echo([]);
    expect(session.lastReceivedAt).toBeGreaterThan(start);
    session.establish();
    const answered = session.lastReceivedAt;
    await new Promise((r) => setTimeout(r, 20));
    await device.request('echo', []);
    await tick();
    expect(session.lastReceivedAt).toBeGreaterThan(answered);
  });

  it('reports establishment once', () => {
    const seen: OvsdbSession[] = [];
    const { session } = connect((s) => seen.push(s));
    session.establish();
    session.establish();
    expect(seen).toEqual([session]);
  });

  it('is established from the start without admission terms', () => {
    const [ours] = MemoryTransport.pair();
    expect(new OvsdbSession(ours).isEstablished).toBe(true);
  });
});
