// Each answer of the GraphQL route, told to one listener on the Fastify server (the metrics
// module counts them), from the route's own onSend hook: Mercurius's preExecution and
// onResolution hooks cost every request more than the counting itself (docs/benchmarks.md,
// round nine). The error formatter notes the first error code of an answer here; an
// answer without one is OK.

export interface GraphqlAnswer {
  /** The query text of the request (POST body or GET query string), if it sent one. */
  source: string | undefined;
  /** The first error's code; undefined when the answer carries no error. */
  errorCode: string | undefined;
}

export type GraphqlAnswerListener = (answer: GraphqlAnswer) => void;

const LISTENER = Symbol('graphql.answerListener');
const errorCodes = new WeakMap<object, string>();

interface ServerWithListener {
  [LISTENER]?: GraphqlAnswerListener;
}

/** Sets the listener of the routes of this Fastify server (and of its plugins' contexts). */
export function listenToGraphqlAnswers(server: object, listener: GraphqlAnswerListener): void {
  (server as ServerWithListener)[LISTENER] = listener;
}

/** Called by the error formatter: the answer to this reply carries `code` first. */
export function noteAnswerErrorCode(reply: object, code: string): void {
  if (!errorCodes.has(reply)) errorCodes.set(reply, code);
}

interface AnsweredRequest {
  body?: unknown;
  query?: unknown;
}

interface AnsweredReply {
  server?: object;
}

/** Called by the route's onSend hook, once per answer. */
export function graphqlAnswered(request: AnsweredRequest, reply: AnsweredReply): void {
  // A plugin's Fastify context inherits from its parent's: the root's listener is found.
  const listener = (reply.server as ServerWithListener | undefined)?.[LISTENER];
  if (listener === undefined) return;
  const source = (request.body as { query?: unknown } | null | undefined)?.query ?? (request.query as { query?: unknown } | undefined)?.query;
  listener({ source: typeof source === 'string' ? source : undefined, errorCode: errorCodes.get(reply) });
}
