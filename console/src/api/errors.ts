// API errors in words: every GraphQL error carries a stable code in extensions.code
// (docs/errors.md); the console shows the message for that code, never the raw JSON.

export interface ApiErrorLike {
  /** A network failure (no answer, or not a GraphQL answer). */
  networkError?: { message: string } | undefined;
  graphQLErrors?: readonly { message: string; extensions?: Record<string, unknown> | undefined }[];
}

const MESSAGES: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Log in again.',
  BAD_CREDENTIALS: 'Wrong email or password.',
  FORBIDDEN: 'Your role does not allow this.',
  NOT_FOUND: 'Not found, or not in your groups.',
  VALIDATION_FAILED: 'Some fields are not valid.',
  CONFLICT: 'This conflicts with the current state (someone may have changed it).',
  PRECONDITION_FAILED: 'Not possible in the current state.',
  DEVICE_UNAVAILABLE: 'The device did not answer.',
  TOO_MANY_REQUESTS: 'Too many attempts. Wait a moment and try again.',
  DEVICE_READ_LIMIT: 'This would read too many devices at once.',
  REQUEST_TIMEOUT: 'The controller took too long to answer. Try again.',
  INTERNAL: 'The controller failed to answer. Try again later.',
  NODE_HAS_CONNECTED: 'This node has connected before: unclaim it instead of deleting it.',
  TOO_MANY_TARGETS: 'The operation would cover too many nodes.',
  FIRMWARE_UNKNOWN: 'No firmware image of that version is in the catalogue.',
  MODEL_MISMATCH: 'Some nodes have no image of that version for their model.',
  KEY_CAPACITY_EXCEEDED: 'A location would need more than 64 keys, the most one network carries there.',
  NETWORK_IN_KEY_POOL: 'This network is in a key pool: it must stay WPA2 personal without 6 GHz. Take it out of the pool first.',
  NETWORK: 'The controller cannot be reached. Check your connection.',
};

export interface FieldProblem {
  field: string;
  message: string;
}

export interface ApiProblem {
  code: string;
  /** What the console shows. */
  message: string;
  /** VALIDATION_FAILED: the offending fields, as the API names them. */
  fields: FieldProblem[];
  retryAfterSeconds?: number;
  /** The API's own sentence, kept for the codes whose message names what to fix (which location, how many keys). */
  detail?: string;
}

/** Codes whose API message is a sentence for people (no query text or internals): shown under the console's words. */
const DETAILED: ReadonlySet<string> = new Set(['KEY_CAPACITY_EXCEEDED', 'CONFLICT']);

export function messageForCode(code: string): string {
  return MESSAGES[code] ?? `The request failed (${code}).`;
}

/** The first error of an answer, in words; undefined when there is none. */
export function apiProblem(error: ApiErrorLike | undefined): ApiProblem | undefined {
  if (error === undefined) return undefined;
  const first = error.graphQLErrors?.[0];
  if (first === undefined) {
    return error.networkError !== undefined ? { code: 'NETWORK', message: messageForCode('NETWORK'), fields: [] } : undefined;
  }
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL';
  const fields = Array.isArray(first.extensions?.fields) ? (first.extensions.fields as unknown[]).filter(isFieldProblem) : [];
  const retry = first.extensions?.retryAfterSeconds;
  const problem: ApiProblem = { code, message: messageForCode(code), fields };
  if (DETAILED.has(code) && first.message !== '') problem.detail = first.message;
  if (typeof retry === 'number') {
    problem.retryAfterSeconds = retry;
    problem.message = `${problem.message} (about ${Math.ceil(retry)} s)`;
  }
  return problem;
}

function isFieldProblem(value: unknown): value is FieldProblem {
  return typeof value === 'object' && value !== null && typeof (value as FieldProblem).field === 'string' && typeof (value as FieldProblem).message === 'string';
}

export function isUnauthenticated(error: ApiErrorLike | undefined): boolean {
  return error?.graphQLErrors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? false;
}
