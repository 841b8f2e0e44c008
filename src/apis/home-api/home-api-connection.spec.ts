import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { HomeApiConnection, TransactionHandler } from './home-api-connection';
import { successResponse } from './wire/transaction-codec';

// A real socket pair: the connection handler on one end, a raw client on the other.
async function pair(handler: TransactionHandler, idleTimeoutMs: number): Promise<{ client: Socket; server: Server; received: () => string; closed: Promise<void> }> {
  const server = createServer((socket) => new HomeApiConnection(socket, handler, { idleTimeoutMs, maxTransactionBytes: 9999, label: 'test' }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
  let text = '';
  client.on('data', (c: Buffer) => (text += c.toString('latin1')));
  const closed = new Promise<void>((r) => client.on('close', () => r()));
  await new Promise((r) => client.once('connect', r));
  return { client, server, received: () => text, closed };
}

const frame = (body: string) => `${String(body.length).padStart(4, '0')}${body}`;

describe('HomeApiConnection', () => {
  it('does not count a transaction still running as idle time, then closes when idle', async () => {
    const { client, server, received, closed } = await pair(async (request) => {
      await sleep(300);
      return successResponse(request);
    }, 100);
    client.write(frame('|UPDATE|SITE|site_key=1|\n'));
    await closed;
    expect(received()).toBe(frame('|UPDATE|SITE|completion_code=0|\n'));
    server.close();
  });

  it('answers an unexpected failure with -20997 and keeps the connection', async () => {
    let calls = 0;
    const { client, server, received } = await pair(async (request) => {
      calls += 1;
      if (calls === 1) throw new Error('database down');
      return successResponse(request);
    }, 10_000);
    client.write(frame('|DELETE|SITE|site_key=1|\n') + frame('|DELETE|SITE|site_key=2|\n'));
    while (received().split('\n').length < 3) await sleep(10);
    expect(received()).toBe(
      frame('|DELETE|SITE|completion_code=1|error_code=-20997|error_reason=Unexpected failure. Reason is internal error.|\n') + frame('|DELETE|SITE|completion_code=0|\n'),
    );
    client.destroy();
    server.close();
  });
});
