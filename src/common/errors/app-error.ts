// The one catalogue of error codes the API reports in GraphQL `extensions.code`.
// Services throw AppError; the GraphQL error formatter (one place) maps it, and maps
// anything else to INTERNAL without leaking SQL messages or stack traces.

export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  CONFLICT = 'CONFLICT',
  PRECONDITION_FAILED = 'PRECONDITION_FAILED',
  /** The node's device is connected but did not answer a live read (session ended, timeout). */
  DEVICE_UNAVAILABLE = 'DEVICE_UNAVAILABLE',
  /** In a cluster: the instance holding the node's device did not answer a live read in time. */
  DEVICE_HOLDER_UNAVAILABLE = 'DEVICE_HOLDER_UNAVAILABLE',
  /** Too many attempts (logins) or operations (subscriptions on one socket); `extensions.retryAfterSeconds` when known. */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The request touched more distinct devices than one request may read live. */
  DEVICE_READ_LIMIT = 'DEVICE_READ_LIMIT',
  /** The request ran longer than the per-request time limit. */
  REQUEST_TIMEOUT = 'REQUEST_TIMEOUT',
  INTERNAL = 'INTERNAL',
  /** deleteNode on a node that has connected (it has a history; unclaim it instead). */
  NODE_HAS_CONNECTED = 'NODE_HAS_CONNECTED',
  /** A device operation would cover more nodes than OPERATIONS_MAX_TARGETS. */
  TOO_MANY_TARGETS = 'TOO_MANY_TARGETS',
  /** No firmware image of that version is in the catalogue. */
  FIRMWARE_UNKNOWN = 'FIRMWARE_UNKNOWN',
  /** Some target nodes' model has no catalogue image of the chosen version. */
  MODEL_MISMATCH = 'MODEL_MISMATCH',
  /** A personal key change would need more than 64 keys (wpa_psks entries) at one location. */
  KEY_CAPACITY_EXCEEDED = 'KEY_CAPACITY_EXCEEDED',
  /** A change a key pool's network cannot take (OPEN or WPA3_SAE security, 6 GHz): take it out of the pool first. */
  NETWORK_IN_KEY_POOL = 'NETWORK_IN_KEY_POOL',
  /** A resident already has as many live guest keys in the pool as it allows (KeyPool.guestKeyLimit, default 3). */
  GUEST_KEY_LIMIT_REACHED = 'GUEST_KEY_LIMIT_REACHED',
}

/** One offending input field, reported with VALIDATION_FAILED. */
export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  /** With TOO_MANY_REQUESTS: when to try again, sent as `extensions.retryAfterSeconds`. */
  retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what: string, id?: string): AppError {
    return new AppError(ErrorCode.NOT_FOUND, id ? `${what} ${id} not found` : `${what} not found`);
  }

  static validation(fields: FieldError[]): AppError {
    return new AppError(ErrorCode.VALIDATION_FAILED, `invalid input: ${fields.map((f) => f.field).join(', ')}`, fields);
  }

  static conflict(message: string): AppError {
    return new AppError(ErrorCode.CONFLICT, message);
  }

  static precondition(message: string): AppError {
    return new AppError(ErrorCode.PRECONDITION_FAILED, message);
  }

  static forbidden(message = 'not allowed'): AppError {
    return new AppError(ErrorCode.FORBIDDEN, message);
  }

  static tooManyRequests(message: string, retryAfterSeconds?: number): AppError {
    const error = new AppError(ErrorCode.TOO_MANY_REQUESTS, message);
    if (retryAfterSeconds !== undefined) error.retryAfterSeconds = retryAfterSeconds;
    return error;
  }

  static unauthenticated(message = 'authentication required'): AppError {
    return new AppError(ErrorCode.UNAUTHENTICATED, message);
  }
}
