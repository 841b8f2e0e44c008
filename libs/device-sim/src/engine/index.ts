// RFC 7047 server side, without sockets: the in-memory database engine.
export * from './engine-schema';
export * from './schema-view';
export * from './txn-error';
export * from './transaction';
export * from './monitor';
export * from './ovsdb-database';
