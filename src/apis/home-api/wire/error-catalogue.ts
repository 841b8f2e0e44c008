// The error numbers and texts of API 2.0's Attachment H (Table H.1), as the document words
// them, so an MSO client matching on error_code or error_reason sees what it was written
// against. Only the entries the gateway reports are listed; a placeholder such as <serial#>
// is filled at the call site (fillReason).

export enum HomeErrorCode {
  GENERIC = -20000,
  INVALID_HEAD_END = -20001,
  INVALID_OE_NODE = -20003,
  SITE_NO_MATCH = -20005,
  SUBSCRIBER_NO_MATCH = -20006,
  BAD_LOGIN_CHARACTERS = -20011,
  LOGIN_NO_MATCH = -20014,
  LOGIN_EXISTS = -20015,
  INVALID_ACTION_OR_TYPE = -20016,
  SITE_EXISTS_FOR_MSO_KEY = -20021,
  MUST_SPECIFY_STREET = -20022,
  BAD_MANUFACTURER = -20023,
  LAN_CITY_NEEDS_MAC = -20024,
  BAD_MAC = -20025,
  COMPUTER_EXISTS_FOR_MSO_KEY = -20026,
  LOGIN_EXISTS_FOR_MSO_KEY = -20027,
  SUBSCRIBER_EXISTS = -20028,
  MUST_SPECIFY_MSO_NAME = -20029,
  MUST_SPECIFY_SUBSCRIBER_KEY = -20030,
  MUST_SPECIFY_CITY_STATE_POSTCODE = -20031,
  MUST_SPECIFY_HEAD_END = -20032,
  MUST_SPECIFY_OE_NODE = -20033,
  BAD_SUBSCRIBER_KEY = -20035,
  MUST_SPECIFY_SITE_KEY = -20036,
  BAD_SITE_KEY = -20037,
  MUST_SPECIFY_MODEM_KEY = -20038,
  MUST_SPECIFY_OS = -20039,
  MUST_SPECIFY_COMPUTER_KEY = -20040,
  MUST_SPECIFY_LOGIN_LAST_NAME = -20041,
  MUST_SPECIFY_LOGIN_FIRST_NAME = -20042,
  MUST_SPECIFY_LOGIN_KEY = -20043,
  MUST_SPECIFY_CREATE_DATE = -20044,
  MODEM_EXISTS_FOR_MSO_KEY = -20045,
  MUST_SPECIFY_MODEM = -20046,
  MUST_SPECIFY_MSO_SUBSCRIBER_KEY = -20047,
  SERIAL_ASSIGNED = -20053,
  MAC_ASSIGNED = -20054,
  MODEM_NOT_CONVERTIBLE = -20055,
  COMPUTER_NOT_CONVERTIBLE = -20056,
  NAMES_REQUIRED = -20058,
  INVALID_LOGIN_REUSE = -20059,
  INVALID_TRANSACTION = -20060,
  LOGIN_ALREADY_DELETED = -20061,
  LOGIN_OF_ANOTHER_MSO = -20063,
  PASSWORD_MISSING = -20989,
  VALUE_TOO_LONG = -20991,
  INVALID_KEY = -20994,
  PROCESSING_FAILURE = -20995,
  BAD_REQUEST = -20996,
  UNEXPECTED_FAILURE = -20997,
}

const REASONS: Record<HomeErrorCode, string> = {
  // The document's text is "Generic error (note in message)": the note goes in the brackets.
  [HomeErrorCode.GENERIC]: 'Generic error (<note>)',
  [HomeErrorCode.INVALID_HEAD_END]: 'Invalid head end name',
  [HomeErrorCode.INVALID_OE_NODE]: 'Invalid oe node name for head end',
  [HomeErrorCode.SITE_NO_MATCH]: 'bos_subsite record not found',
  [HomeErrorCode.SUBSCRIBER_NO_MATCH]: 'users record not found',
  // -20011, -20014, -20015: the pairing of numbers and texts is reconstructed from the table's
  // layout (docs/decisions/home-api-gateway.md, "Login error numbers").
  [HomeErrorCode.BAD_LOGIN_CHARACTERS]: 'Bad characters in login/email name',
  [HomeErrorCode.LOGIN_NO_MATCH]: 'bos_login record not found for login',
  [HomeErrorCode.LOGIN_EXISTS]: 'Login/email record already exists',
  [HomeErrorCode.INVALID_ACTION_OR_TYPE]: 'Invalid action or type',
  [HomeErrorCode.SITE_EXISTS_FOR_MSO_KEY]: 'Bos site record already exists for mso_site_key and mso_name',
  [HomeErrorCode.MUST_SPECIFY_STREET]: 'Must specify street_name & street_number',
  [HomeErrorCode.BAD_MANUFACTURER]: 'Bad cdm manufacturer',
  [HomeErrorCode.LAN_CITY_NEEDS_MAC]: 'Lan City modems must have mac_address',
  [HomeErrorCode.BAD_MAC]: 'Bad mac_address',
  [HomeErrorCode.COMPUTER_EXISTS_FOR_MSO_KEY]: 'Bos computer record already exists for mso_computer_key and mso_name',
  [HomeErrorCode.LOGIN_EXISTS_FOR_MSO_KEY]: 'Bos login record already exists for mso_login_key and mso_name',
  [HomeErrorCode.SUBSCRIBER_EXISTS]: 'Bos subscriber already exists',
  [HomeErrorCode.MUST_SPECIFY_MSO_NAME]: 'Must specify mso_name',
  [HomeErrorCode.MUST_SPECIFY_SUBSCRIBER_KEY]: 'Must specify mso_subscriber_key / bos_subscriber_key',
  [HomeErrorCode.MUST_SPECIFY_CITY_STATE_POSTCODE]: 'Must specify city, state&post_code',
  [HomeErrorCode.MUST_SPECIFY_HEAD_END]: 'Must specify a head end',
  [HomeErrorCode.MUST_SPECIFY_OE_NODE]: 'Must specify a oe_node',
  [HomeErrorCode.BAD_SUBSCRIBER_KEY]: 'Bad subscriber_key',
  [HomeErrorCode.MUST_SPECIFY_SITE_KEY]: 'Must specify site_key',
  [HomeErrorCode.BAD_SITE_KEY]: 'Bad site_ key',
  [HomeErrorCode.MUST_SPECIFY_MODEM_KEY]: 'Must specify modem_key',
  [HomeErrorCode.MUST_SPECIFY_OS]: 'Must specify os',
  [HomeErrorCode.MUST_SPECIFY_COMPUTER_KEY]: 'Must specify computer_key',
  [HomeErrorCode.MUST_SPECIFY_LOGIN_LAST_NAME]: 'Must specify login_last_name',
  [HomeErrorCode.MUST_SPECIFY_LOGIN_FIRST_NAME]: 'Must specify login_first_name',
  [HomeErrorCode.MUST_SPECIFY_LOGIN_KEY]: 'Must specify login_key',
  [HomeErrorCode.MUST_SPECIFY_CREATE_DATE]: 'Must specify create_date',
  [HomeErrorCode.MODEM_EXISTS_FOR_MSO_KEY]: 'Bos modem record already exists for mso_modem_key and mso_name',
  [HomeErrorCode.MUST_SPECIFY_MODEM]: 'Must specify manufacturer, model and serial number',
  [HomeErrorCode.MUST_SPECIFY_MSO_SUBSCRIBER_KEY]: 'Must specify mso_subscriber_key',
  [HomeErrorCode.SERIAL_ASSIGNED]: 'Modem with serial number: <serial#> is already assigned to <site_key>',
  [HomeErrorCode.MODEM_NOT_CONVERTIBLE]: 'The modem can not be converted because of invalid status',
  [HomeErrorCode.COMPUTER_NOT_CONVERTIBLE]: 'The computer can not be converted because of invalid status',
  [HomeErrorCode.MAC_ASSIGNED]: 'Modem with mac_address: <mac_address> is already assigned to <site_key>',
  [HomeErrorCode.NAMES_REQUIRED]: "The subscriber's first name and last name are required fields",
  [HomeErrorCode.INVALID_LOGIN_REUSE]: 'Invalid Reuse of Login',
  [HomeErrorCode.INVALID_TRANSACTION]: 'Invalid Transaction',
  [HomeErrorCode.LOGIN_ALREADY_DELETED]: 'bos_login record already deleted',
  [HomeErrorCode.LOGIN_OF_ANOTHER_MSO]: 'Login does not belong to this MSO',
  [HomeErrorCode.PASSWORD_MISSING]:
    'Error in request. A value of "password_type=n" implies the request contains a password that is to be encrypted; but the request sent does not contain any password.',
  [HomeErrorCode.VALUE_TOO_LONG]: 'Error in request; a value sent is longer than the maximum allowed. Please check the request string.',
  [HomeErrorCode.INVALID_KEY]: 'Null or invalid BOS/MSO (subscriber/site/computer/modem/login) key. Please check the key and try again',
  [HomeErrorCode.PROCESSING_FAILURE]: 'Failure to process the request. Error is <Oracle error>. Please contact IT Ops.',
  [HomeErrorCode.BAD_REQUEST]: 'Error in request. Please check the request string.',
  [HomeErrorCode.UNEXPECTED_FAILURE]: 'Unexpected failure. Reason is <actual error>.',
};

/** A failure to report as completion_code=1 with Attachment H's number and text. */
export class HomeApiError extends Error {
  readonly reason: string;

  constructor(
    readonly code: HomeErrorCode,
    readonly placeholders: Record<string, string> = {},
  ) {
    const reason = fillReason(REASONS[code], placeholders);
    super(reason);
    this.name = 'HomeApiError';
    this.reason = reason;
  }
}

export function reasonOf(code: HomeErrorCode): string {
  return REASONS[code];
}

/**
 * Fills `<name>` placeholders. A filled value may never break the wire: pipes and anything
 * outside printable ASCII become spaces.
 */
export function fillReason(template: string, placeholders: Record<string, string>): string {
  return template.replace(/<([^>]+)>/g, (whole, name: string) => {
    const value = placeholders[name];
    return value === undefined ? whole : value.replace(/[^\x20-\x7e]|\|/g, ' ');
  });
}
