// RFC 7047 server over byte streams (unix, tcp, ssl), passive and dialling out.
export * from './server-connection';
export * from './method-errors';
export * from './transact-fault';
export * from './update-fault';
export * from './stream-endpoints';
export * from './ovsdb-server';
