// RFC 7047 section 4 (JSON-RPC 1.0): the "error" member of a response is any JSON value.
// ovsdb-server uses that freedom: a bare string for some method-level errors ("unknown
// monitor", "unknown method") and an {error, details, syntax} object for others ("unknown
// database"). A request handler that must answer exactly as ovsdb-server does throws this
// instead of an OvsdbError, whose code would be sent as the error tag.

export class RpcErrorReply extends Error {
  /** `error` goes on the wire verbatim as the response's "error" member; it must not be null. */
  constructor(readonly error: unknown) {
    super(`error reply: ${typeof error === 'string' ? error : JSON.stringify(error)}`);
    this.name = 'RpcErrorReply';
    if (error === null || error === undefined) throw new TypeError('an RPC error reply needs a non-null error value');
  }
}
