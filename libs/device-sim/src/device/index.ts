// Simulated OpenSync device: bootstrap, managers, and the device that composes them.
export * from './device-db-port';
export * from './local-db-port';
export * from './cache-db-port';
export * from './delay-scheduler';
export * from './device-profile';
export * from './bootstrap';
export * from './wifi-manager';
export * from './upgrade-manager';
export * from './client-script';
export * from './connection-manager';
export * from './connection-probe';
export * from './device-managers';
export * from './simulated-device';
export * from './transact-drop-fault';
export * from './inconsistent-update-fault';
export * from './wire-values';
export * from './real-server-device';
