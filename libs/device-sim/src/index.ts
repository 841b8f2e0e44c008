// Simulated OpenSync devices: an OVSDB server engine, its wire server, device managers.
export * from './engine';
export * from './server';
export * from './device';
export * from './schema-files';
