// A fault a simulated device can inject into an RFC 7047 s4.1.3 transact: the connection
// is lost before the reply, either before the transaction is applied or right after it
// committed. In the second case the client cannot tell whether its transaction happened
// and must find out from the database once it reconnects.

export type TransactFault = 'drop-before-apply' | 'drop-after-commit';

/** Asked for every transact on a connection; undefined lets it run normally. */
export type TransactFaultHook = (database: string, operations: readonly unknown[]) => TransactFault | undefined;
