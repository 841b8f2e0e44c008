// The address form OpenSync's CM2 accepts in AWLAN_Node.redirector_addr and manager_addr:
// `ssl:<host>:<port>` or `tcp:<host>:<port>`, split on ':' with a port above 0 (OpenSync
// util.c parse_uri). An IPv6 literal cannot be written there; a host name can.

export interface ManagerAddress {
  scheme: 'ssl' | 'tcp';
  host: string;
  port: number;
}

const HOST = /^[a-z0-9]([a-z0-9.-]{0,252})$/i;

/** The parsed address, or a sentence saying what is wrong with it. */
export function parseManagerAddress(text: string): ManagerAddress | string {
  const parts = text.split(':');
  if (parts.length !== 3) return `"${text}" must be ssl:<host>:<port> or tcp:<host>:<port> (an IPv6 literal cannot be used; use a host name)`;
  const [scheme, host, portText] = parts;
  if (scheme !== 'ssl' && scheme !== 'tcp') return `"${text}" must start with ssl: or tcp:`;
  if (!HOST.test(host)) return `"${host}" in "${text}" is not a host name or IPv4 address`;
  if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) return `"${portText}" in "${text}" is not a port between 1 and 65535`;
  return { scheme, host, port: Number(portText) };
}

export function formatManagerAddress(address: ManagerAddress): string {
  return `${address.scheme}:${address.host}:${address.port}`;
}
