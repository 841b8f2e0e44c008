// Errors of the REST APIs behind OAuth, as the CPE Management contract's ErrorInfo:
// { status, code, message }, with the HTTP status equal to `status`. Codes are stable.

export enum ApiErrorCode {
  INVALID_ARGUMENT = 'INVALID_ARGUMENT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  PERMISSION_DENIED = 'PERMISSION_DENIED',
  NOT_FOUND = 'NOT_FOUND',
  NETWORK_NOT_REMOVABLE = 'NETWORK_NOT_REMOVABLE',
  DEFAULT_DEVICE_NOT_SUPPORTED = 'DEFAULT_DEVICE_NOT_SUPPORTED',
  CONFLICT = 'CONFLICT',
  PRECONDITION_FAILED = 'PRECONDITION_FAILED',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  NOT_IMPLEMENTED = 'NOT_IMPLEMENTED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

export interface ErrorInfo {
  status: number;
  code: string;
  message: string;
}

export class ApiError extends Error {
  /** Extra response headers (WWW-Authenticate, Retry-After). */
  readonly headers: Record<string, string>;

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.headers = headers;
  }

  get body(): ErrorInfo {
    return { status: this.status, code: this.code, message: this.message };
  }

  static unauthenticated(message = 'a valid bearer access token is required', detail?: 'invalid_token'): ApiError {
    const challenge = detail === undefined ? 'Bearer' : `Bearer error="${detail}"`;
    return new ApiError(401, ApiErrorCode.UNAUTHENTICATED, message, { 'www-authenticate': challenge });
  }

  static permissionDenied(message: string): ApiError {
    return new ApiError(403, ApiErrorCode.PERMISSION_DENIED, message);
  }

  static invalidArgument(message: string): ApiError {
    return new ApiError(400, ApiErrorCode.INVALID_ARGUMENT, message);
  }

  static notFound(message: string): ApiError {
    return new ApiError(404, ApiErrorCode.NOT_FOUND, message);
  }

  static tooManyRequests(retryAfterSeconds: number): ApiError {
    return new ApiError(429, ApiErrorCode.TOO_MANY_REQUESTS, 'rate limit of this API client exceeded', { 'retry-after': String(retryAfterSeconds) });
  }
}
