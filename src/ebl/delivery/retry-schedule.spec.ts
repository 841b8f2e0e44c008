import { retryDelayMs } from './retry-schedule';
import { signBody, verifySignature } from './signature';

describe('retryDelayMs', () => {
  const policy = { retryBaseDelayMs: 1000, retryMaxDelayMs: 60_000 };

  it('doubles from the base, between half and all of it, capped', () => {
    expect(retryDelayMs(policy, 1, () => 0)).toBe(500);
    expect(retryDelayMs(policy, 1, () => 1)).toBe(1000);
    expect(retryDelayMs(policy, 3, () => 1)).toBe(4000);
    expect(retryDelayMs(policy, 30, () => 1)).toBe(60_000);
    expect(retryDelayMs(policy, 1000, () => 0.5)).toBe(45_000);
  });
});

describe('signature', () => {
  it('is HMAC-SHA256 over the exact body, verifiable only with the secret and the same bytes', () => {
    const body = '{"mac":"11:22:33:44:55:66","accessID":"abc123","vendorID":"","timestamp":"2019-02-01T13:05:23.234Z"}';
    const header = signBody('s3cret', body);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature('s3cret', body, header)).toBe(true);
    expect(verifySignature('other', body, header)).toBe(false);
    expect(verifySignature('s3cret', `${body} `, header)).toBe(false);
    expect(verifySignature('s3cret', body, undefined)).toBe(false);
  });
});
