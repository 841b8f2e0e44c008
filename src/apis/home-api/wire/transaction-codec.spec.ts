import { HomeApiError, HomeErrorCode } from './error-catalogue';
import { encodeResponse, errorResponse, parseTransaction, successResponse, TransactionError } from './transaction-codec';

// Section 5.6.4's examples, as the document prints them (its line break is layout only).
const DOC_REQUEST = '|CREATE|SUBSCRIBER|create_date=19980131203045|mso_name=ABC|sub_lastname=Bond|sub_firstname=James|mso_subscriber_key=007|\n';
const DOC_RESPONSE = '0066|CREATE|SUBSCRIBER|completion_code=1|subscriber_key=100000298215|\n';

function failure(text: string): TransactionError {
  try {
    parseTransaction(text);
  } catch (error) {
    if (error instanceof TransactionError) return error;
    throw error;
  }
  throw new Error('parsed');
}

describe('parseTransaction', () => {
  it("reads the document's Create Subscriber example, whose length prefix is 0121", () => {
    expect(DOC_REQUEST.length).toBe(121);
    const request = parseTransaction(DOC_REQUEST);
    expect(request.action).toBe('CREATE');
    expect(request.type).toBe('SUBSCRIBER');
    expect([...request.fields]).toEqual([
      ['create_date', '19980131203045'],
      ['mso_name', 'ABC'],
      ['sub_lastname', 'Bond'],
      ['sub_firstname', 'James'],
      ['mso_subscriber_key', '007'],
    ]);
  });

  it('treats actions, types and names case-insensitively and keeps values as sent', () => {
    const request = parseTransaction('|create|Subscriber|MSO_Name=abc|Sub_LastName=Bond|\n');
    expect([request.action, request.type]).toEqual(['CREATE', 'SUBSCRIBER']);
    expect(request.fields.get('mso_name')).toBe('abc');
    expect(request.fields.get('sub_lastname')).toBe('Bond');
  });

  it.each([
    ['an empty value (5.6.7)', '|CREATE|SUBSCRIBER|mso_name=|\n'],
    ['a field without =', '|CREATE|SUBSCRIBER|mso_name|\n'],
    ['an empty field between pipes', '|CREATE|SUBSCRIBER||\n'],
    ['a name given twice', '|CREATE|SUBSCRIBER|mso_name=A|MSO_NAME=B|\n'],
  ])('answers -20996 with the action and type for %s', (_, text) => {
    const error = failure(text);
    expect([error.action, error.type, error.error.code]).toEqual(['CREATE', 'SUBSCRIBER', HomeErrorCode.BAD_REQUEST]);
  });

  it.each([
    ['no leading pipe', 'CREATE|SUBSCRIBER|a=b|\n'],
    ['no final pipe', '|CREATE|SUBSCRIBER|a=b\n'],
    ['no newline', '|CREATE|SUBSCRIBER|a=b|'],
    ['a newline inside', '|CREATE|SUB\nSCRIBER|a=b|\n'],
    ['a tab inside', '|CREATE|SUBSCRIBER|a=b\t|\n'],
  ])('answers -20996 for %s', (_, text) => {
    expect(failure(text).error.code).toBe(HomeErrorCode.BAD_REQUEST);
  });

  it('answers -20016 for an unknown action or type, echoing them', () => {
    expect(failure('|PURGE|SUBSCRIBER|a=b|\n')).toMatchObject({ action: 'PURGE', type: 'SUBSCRIBER', error: { code: HomeErrorCode.INVALID_ACTION_OR_TYPE } });
    expect(failure('|CREATE|ROUTER|a=b|\n').error.code).toBe(HomeErrorCode.INVALID_ACTION_OR_TYPE);
  });

  it('echoes UNKNOWN when the positional fields cannot be read', () => {
    expect(failure('|CRE ATE|1|\n')).toMatchObject({ action: 'UNKNOWN', type: 'UNKNOWN' });
  });
});

describe('encodeResponse', () => {
  it("writes the document's response example with its length prefix", () => {
    // The example carries completion_code=1 beside a key; the length rule is what is checked.
    const text = encodeResponse({ action: 'CREATE', type: 'SUBSCRIBER', fields: [['completion_code', '1'], ['subscriber_key', '100000298215']] });
    expect(text).toBe(DOC_RESPONSE);
  });

  it('answers success with completion_code=0 first, then the outputs', () => {
    expect(encodeResponse(successResponse({ action: 'CREATE', type: 'SITE' }, [['site_key', 'k1']]))).toBe('0044|CREATE|SITE|completion_code=0|site_key=k1|\n');
  });

  it("answers an error with Attachment H's number and text", () => {
    const text = encodeResponse(errorResponse('CREATE', 'SUBSCRIBER', new HomeApiError(HomeErrorCode.SUBSCRIBER_EXISTS)));
    const body = '|CREATE|SUBSCRIBER|completion_code=1|error_code=-20028|error_reason=Bos subscriber already exists|\n';
    expect(text).toBe(`${String(body.length).padStart(4, '0')}${body}`);
  });

  it('never lets a filled placeholder break the wire', () => {
    const error = new HomeApiError(HomeErrorCode.UNEXPECTED_FAILURE, { 'actual error': 'a|b\nc' });
    expect(error.reason).toBe('Unexpected failure. Reason is a b c.');
    expect(new HomeApiError(HomeErrorCode.GENERIC, { note: 'x' }).reason).toBe('Generic error (x)');
  });
});
