// RFC 7047 server over byte streams (unix, tcp, ssl), passive and dialling out.
export * from './server-connection';
export * from './stream-endpoints';
export * from './ovsdb-server';
