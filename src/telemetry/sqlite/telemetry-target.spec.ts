import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../config/config-error';
import { loadTelemetryConfig } from '../telemetry-config';
import { defaultTelemetryFile, telemetryTargetFor } from './telemetry-target';

describe('telemetryTargetFor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'telemetry-target-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('puts the telemetry file next to the main SQLite file', () => {
    expect(defaultTelemetryFile('/var/lib/c/controller.sqlite')).toBe('/var/lib/c/controller-telemetry.sqlite');
    expect(defaultTelemetryFile('/var/lib/c/controller')).toBe('/var/lib/c/controller-telemetry.sqlite');
    expect(telemetryTargetFor(`sqlite:${join(dir, 'main.db')}`, undefined)).toEqual({ kind: 'sqlite', file: join(dir, 'main-telemetry.db'), mainFile: join(dir, 'main.db') });
  });

  it('takes TELEMETRY_SQLITE_PATH, creating its directory, but never the main file', () => {
    const file = join(dir, 'sub', 'samples.sqlite');
    expect(telemetryTargetFor(join(dir, 'main.sqlite'), file)).toMatchObject({ kind: 'sqlite', file });
    expect(existsSync(join(dir, 'sub'))).toBe(true);
    expect(() => telemetryTargetFor(join(dir, 'main.sqlite'), join(dir, 'main.sqlite'))).toThrow(ConfigError);
  });

  it('gives an in-memory main database a private temporary file, and PostgreSQL its own tables', () => {
    const target = telemetryTargetFor('sqlite::memory:', undefined);
    expect(target.kind === 'sqlite' && target.tempDir !== undefined && target.file.startsWith(target.tempDir)).toBe(true);
    if (target.kind === 'sqlite' && target.tempDir) rmSync(target.tempDir, { recursive: true });
    expect(telemetryTargetFor('postgres://u@127.0.0.1/db', join(dir, 'x.sqlite'))).toEqual({ kind: 'postgres' });
  });

  it('refuses a TELEMETRY_SQLITE_PATH that is not a file path', () => {
    expect(loadTelemetryConfig({ TELEMETRY_SQLITE_PATH: '/data/t.sqlite' }).sqlitePath).toBe('/data/t.sqlite');
    for (const bad of [':memory:', 'sqlite:/x']) expect(() => loadTelemetryConfig({ TELEMETRY_SQLITE_PATH: bad })).toThrow(ConfigError);
  });
});
