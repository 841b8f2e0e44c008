import { clientCertificateProblem } from './client-certificate';

describe('clientCertificateProblem', () => {
  it('accepts a verified peer', () => {
    expect(clientCertificateProblem({ authorized: true, presented: true, commonName: 'SN1' })).toBeUndefined();
  });

  it('names the three usual mistakes', () => {
    expect(clientCertificateProblem({ authorized: false, presented: false, code: 'UNABLE_TO_GET_ISSUER_CERT' })).toBe('no client certificate');
    expect(clientCertificateProblem({ authorized: false, presented: true, code: 'CERT_HAS_EXPIRED', commonName: 'SN1' })).toBe(
      'client certificate expired (CERT_HAS_EXPIRED, CN "SN1")',
    );
    expect(clientCertificateProblem({ authorized: false, presented: true, code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', commonName: 'SN1' })).toBe(
      'client certificate not signed by the configured CA (unknown CA: UNABLE_TO_VERIFY_LEAF_SIGNATURE, CN "SN1")',
    );
    expect(clientCertificateProblem({ authorized: false, presented: true, code: 'CERT_REVOKED' })).toBe('client certificate refused (CERT_REVOKED)');
  });
});
