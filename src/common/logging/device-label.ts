// Lines about a device start with its session label in brackets: `[serial=S1 ssl:10.0.0.9:4242]`
// once the serial is known, `[ssl:10.0.0.9:4242]` before (libs/ovsdb OvsdbSession.label).
// The JSON logger moves that prefix into fields, so the serial is a field, present once.

export interface DeviceLabel {
  serial?: string;
  peer?: string;
  rest: string;
}

const WITH_SERIAL = /^\[serial=([^\s\]]+)(?: ([^\]]*))?\] ?/;
const PEER_ONLY = /^\[((?:tcp|ssl|ws|wss|memory):[^\]]*)\] ?/;

export function splitDeviceLabel(message: string): DeviceLabel {
  if (message.charCodeAt(0) !== 0x5b /* [ */) return { rest: message };
  const serial = WITH_SERIAL.exec(message);
  if (serial) return { serial: serial[1], peer: serial[2] || undefined, rest: message.slice(serial[0].length) };
  const peer = PEER_ONLY.exec(message);
  if (peer) return { peer: peer[1], rest: message.slice(peer[0].length) };
  return { rest: message };
}
