// Active mode with libs/ovsdb: the library's session runs over any MessageTransport, so
// dialling a server is a socket wrapped in a StreamTransport. Used to seed and measure the
// ovsdb-server of part 6.

import { connect } from 'node:net';
import { OvsdbSession, SchemaRegistry, StreamTransport } from '@lib/ovsdb';

/** `registry`: pass a fresh one to measure a cold schema parse. */
export function dialUnix(path: string, registry?: SchemaRegistry): Promise<OvsdbSession> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(new OvsdbSession(new StreamTransport(socket), { schemaRegistry: registry, requestTimeoutMs: 120_000 }));
    });
  });
}
