import { AppError } from '../../common/errors/app-error';
import { parseMacKeys, parseMacRegistrations, parseVendorIdKeys, parseVendorIdRegistrations } from './registration-rules';
import { DEFAULT_DENIED_VENDOR_IDS, isDeniedVendorId } from './vendor-id-deny-list';

const NOW = new Date('2026-01-01T00:00:00.000Z');
const RULES = { now: NOW, defaultValidityMs: 86_400_000 };

function fieldsOf(fn: () => unknown): { field: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).fields ?? [];
  }
  throw new Error('expected a validation error');
}

describe('vendor id registrations', () => {
  it('reads the spec example (match_type and serviceType kept)', () => {
    expect(parseVendorIdRegistrations({ vendorids: [{ vendorid: 'sp_specific', match_type: 'partial_match', serviceType: 'Internet' }] }, DEFAULT_DENIED_VENDOR_IDS)).toEqual([
      { vendorId: 'sp_specific', matchType: 'partial_match', serviceType: 'Internet' },
    ]);
  });

  it('defaults match_type to exact', () => {
    expect(parseVendorIdRegistrations({ vendorids: [{ vendorid: 'sp_x' }] }, [])[0].matchType).toBe('exact');
  });

  it('names every bad entry and why', () => {
    const fields = fieldsOf(() =>
      parseVendorIdRegistrations(
        { vendorids: [{ vendorid: 'x'.repeat(256) }, { vendorid: 'ok', match_type: 'regex' }, { vendorid: 'dup' }, { vendorid: 'dup' }, { vendorid: 'udhcp 1.36.1' }, 'no', { vendorid: 'sp_a', extra: 1 }] },
        DEFAULT_DENIED_VENDOR_IDS,
      ),
    );
    expect(fields.map((f) => f.field)).toEqual([
      'vendorids[0].vendorid',
      'vendorids[1].match_type',
      'vendorids[3].vendorid',
      'vendorids[4].vendorid',
      'vendorids[5]',
      'vendorids[6].extra',
    ]);
    expect(fields[0].message).toMatch(/255/);
    expect(fields[2].message).toMatch(/duplicate of vendorids\[2\]/);
    expect(fields[3].message).toMatch(/generic/);
  });

  it('refuses bodies that are not the spec shape', () => {
    expect(fieldsOf(() => parseVendorIdRegistrations(null, []))[0].field).toBe('body');
    expect(fieldsOf(() => parseVendorIdRegistrations({ vendorids: [] }, []))[0].field).toBe('vendorids');
    expect(fieldsOf(() => parseVendorIdRegistrations({ macs: [] }, [])).map((f) => f.field)).toEqual(['macs', 'vendorids']);
  });

  it('reads keys for DELETE and an optional filter for GET', () => {
    expect(parseVendorIdKeys({ vendorids: [{ vendorid: 'sp_specific' }] }, true)).toEqual(['sp_specific']);
    expect(parseVendorIdKeys(undefined, false)).toBeNull();
    expect(fieldsOf(() => parseVendorIdKeys(undefined, true))[0].field).toBe('body');
  });
});

describe('the deny list', () => {
  it('refuses a generic id, a longer version of it, and a prefix of it (any case)', () => {
    expect(isDeniedVendorId('MSFT 5.0', DEFAULT_DENIED_VENDOR_IDS)).toBe(true);
    expect(isDeniedVendorId('dhcpcd-9.4.1:Linux-6.1:aarch64', DEFAULT_DENIED_VENDOR_IDS)).toBe(true);
    expect(isDeniedVendorId('android', DEFAULT_DENIED_VENDOR_IDS)).toBe(true);
    expect(isDeniedVendorId('UDHCP', DEFAULT_DENIED_VENDOR_IDS)).toBe(true);
    expect(isDeniedVendorId('sp_rgw_01', DEFAULT_DENIED_VENDOR_IDS)).toBe(false);
  });
});

describe('MAC registrations', () => {
  it('reads the spec example; "true" and booleans both', () => {
    const [r] = parseMacRegistrations({ macs: [{ mac: '11:22:33:44:55:66', delete_on_match: 'true', valid_until: '2026-04-15T00:00:00.000Z', serviceType: 'Internet' }] }, RULES);
    expect(r).toEqual({ mac: '11:22:33:44:55:66', deleteOnMatch: true, validUntil: new Date('2026-04-15T00:00:00.000Z'), serviceType: 'Internet' });
    expect(parseMacRegistrations({ macs: [{ mac: '11:22:33:44:55:66', delete_on_match: false }] }, RULES)[0].deleteOnMatch).toBe(false);
  });

  it('fills in the defaults: delete_on_match false, valid_until now + the default validity (or none)', () => {
    expect(parseMacRegistrations({ macs: [{ mac: 'AA-BB-CC-DD-EE-FF' }] }, RULES)).toEqual([
      { mac: 'aa:bb:cc:dd:ee:ff', deleteOnMatch: false, validUntil: new Date('2026-01-02T00:00:00.000Z'), serviceType: null },
    ]);
    expect(parseMacRegistrations({ macs: [{ mac: 'aabbccddeeff' }] }, { now: NOW, defaultValidityMs: null })[0].validUntil).toBeNull();
  });

  it('names malformed MACs, past or unparsable dates, bad flags and duplicates after normalisation', () => {
    const fields = fieldsOf(() =>
      parseMacRegistrations(
        {
          macs: [
            { mac: '11:22:33:44:55' },
            { mac: '11:22:33:44:55:01', valid_until: '2019-04-15T00:00:00.000Z' },
            { mac: '11:22:33:44:55:02', valid_until: 'tomorrow' },
            { mac: '11:22:33:44:55:03', delete_on_match: 'yes' },
            { mac: '11:22:33:44:55:04' },
            { mac: '11-22-33-44-55-04' },
          ],
        },
        RULES,
      ),
    );
    expect(fields.map((f) => f.field)).toEqual(['macs[0].mac', 'macs[1].valid_until', 'macs[2].valid_until', 'macs[3].delete_on_match', 'macs[5].mac']);
    expect(fields[1].message).toBe('is in the past');
  });

  it('reads keys in any notation', () => {
    expect(parseMacKeys({ macs: [{ mac: '1122.3344.5566' }] }, true)).toEqual(['11:22:33:44:55:66']);
  });
});
