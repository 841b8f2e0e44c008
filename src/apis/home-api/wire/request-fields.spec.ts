import { HomeErrorCode } from './error-catalogue';
import { formatHomeDate, parseHomeDate, RequestFields } from './request-fields';
import { parseTransaction } from './transaction-codec';

describe('parseHomeDate', () => {
  it("reads the document's example as January 31, 1998 20:30:45 GMT", () => {
    expect(parseHomeDate('19980131203045')?.toISOString()).toBe('1998-01-31T20:30:45.000Z');
    expect(formatHomeDate(new Date('1998-01-31T20:30:45Z'))).toBe('19980131203045');
  });

  it.each(['1998013120304', '199801312030456', '19980231203045', '19980131243045', '1998-01-31T20', 'unknown'])('refuses %s', (value) => {
    expect(parseHomeDate(value)).toBeUndefined();
  });
});

describe('RequestFields', () => {
  const fields = (text: string) => new RequestFields(parseTransaction(text));

  it("answers a missing field with its own error, a too long one with -20991, a bad date with -20996", () => {
    expect(() => fields('|CREATE|SUBSCRIBER|a=b|\n').required('mso_name', HomeErrorCode.MUST_SPECIFY_MSO_NAME)).toThrow(expect.objectContaining({ code: -20029 }));
    expect(() => fields(`|CREATE|SUBSCRIBER|sub_lastname=${'x'.repeat(33)}|\n`).optional('sub_lastname')).toThrow(expect.objectContaining({ code: -20991 }));
    expect(() => fields('|CREATE|SUBSCRIBER|mso_subscriber_key=12a|\n').optional('mso_subscriber_key')).toThrow(expect.objectContaining({ code: -20996 }));
    expect(() => fields('|CREATE|SUBSCRIBER|create_date=19981340000000|\n').date('create_date', HomeErrorCode.MUST_SPECIFY_CREATE_DATE)).toThrow(
      expect.objectContaining({ code: -20996 }),
    );
    expect(fields(`|CREATE|SUBSCRIBER|sub_lastname=${'x'.repeat(32)}|\n`).optional('sub_lastname')).toHaveLength(32);
  });
});
