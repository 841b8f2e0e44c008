import { formatManagerAddress, parseManagerAddress } from './manager-address';

describe('parseManagerAddress', () => {
  it('reads ssl: and tcp: addresses with a host name or IPv4 address', () => {
    expect(parseManagerAddress('ssl:ctl-1.example.net:6640')).toEqual({ scheme: 'ssl', host: 'ctl-1.example.net', port: 6640 });
    expect(parseManagerAddress('tcp:127.0.0.1:1')).toEqual({ scheme: 'tcp', host: '127.0.0.1', port: 1 });
    expect(formatManagerAddress({ scheme: 'ssl', host: 'h', port: 6643 })).toBe('ssl:h:6643');
  });

  it.each([
    ['ws:host:6640', /ssl: or tcp:/],
    ['ssl:host', /ssl:<host>:<port>/],
    ['ssl:[::1]:6640', /IPv6/],
    ['ssl:host:0', /port/],
    ['ssl:host:70000', /port/],
    ['ssl:ho st:6640', /host name/],
  ])('refuses %s', (text, message) => {
    expect(parseManagerAddress(text)).toMatch(message);
  });
});
