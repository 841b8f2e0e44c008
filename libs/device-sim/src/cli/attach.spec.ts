import { parseAttachArgs } from './attach';

describe('sim:attach arguments', () => {
  it('need a socket and a serial', () => {
    expect(() => parseAttachArgs(['--serial', 'SN1'])).toThrow('--socket PATH and --serial SERIAL are required');
    expect(() => parseAttachArgs(['--socket', '/tmp/db.sock'])).toThrow('required');
  });

  it('read the device profile and bootstrap flag', () => {
    expect(parseAttachArgs(['--socket', '/s', '--serial', 'SN1', '--bands', '2.4G,5G,6G', '--bootstrap', '--apply-delay-ms', '0'])).toEqual({
      socket: '/s',
      serial: 'SN1',
      model: undefined,
      firmware: undefined,
      bands: ['2.4G', '5G', '6G'],
      bootstrap: true,
      applyDelayMs: 0,
    });
  });

  it('refuse unknown bands, bad delays and stray arguments', () => {
    expect(() => parseAttachArgs(['--socket', '/s', '--serial', 'S', '--bands', '2.4G,7G'])).toThrow('unknown band 7G');
    expect(() => parseAttachArgs(['--socket', '/s', '--serial', 'S', '--apply-delay-ms', '-1'])).toThrow('--apply-delay-ms');
    expect(() => parseAttachArgs(['--socket', '/s', '--serial', 'S', 'extra'])).toThrow('unexpected argument extra');
  });
});
