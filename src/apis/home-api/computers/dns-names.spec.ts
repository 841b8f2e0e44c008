import { dnsPrefix, nextDnsName, restoredDnsName } from './dns-names';

describe('computer DNS names (Attachment A, cpe_dns_name)', () => {
  it('starts with C and the MSO letter', () => {
    expect(dnsPrefix('TESTMSO')).toBe('CT');
    expect(dnsPrefix('3com cable')).toBe('CC');
    expect(dnsPrefix('123')).toBe('CX');
  });

  it('gives a site a number and its computers the letters in turn', () => {
    expect(nextDnsName('CT', [], () => 123)).toBe('CT123-A');
    expect(nextDnsName('CT', ['CT123-A'], () => 9)).toBe('CT123-B');
    expect(nextDnsName('CT', ['CT123-A', 'CT123-C'], () => 9)).toBe('CT123-B');
    // A restored name of another form, or another MSO's prefix, does not count.
    expect(nextDnsName('CT', ['OLDPC', 'CA5-A'], () => 7)).toBe('CT7-A');
  });

  it('takes a new number when the 26 letters are used', () => {
    const full = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((l) => `CT1-${l}`);
    expect(nextDnsName('CT', full, () => 2)).toBe('CT2-A');
  });

  it('keeps a restored name as a DNS label in upper case, else refuses it', () => {
    expect(restoredDnsName('ct123-b')).toBe('CT123-B');
    expect(restoredDnsName('-ab')).toBeUndefined();
    expect(restoredDnsName('a_b')).toBeUndefined();
    expect(restoredDnsName('a'.repeat(16))).toBeUndefined();
  });
});
