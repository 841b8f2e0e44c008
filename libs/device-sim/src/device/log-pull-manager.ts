// OpenSync's log pull (PM, logpull.sh), simulated: a new or changed AW_LM_Config row with
// both upload_token and upload_location set makes the device build a gzip archive named
// after the token and upload it over real HTTP: method `lm`/`lm-awlan` as a multipart POST
// with the form field `filename`, `lm-s3-presigned` as a raw PUT. Completion is not written
// back to OVSDB (as on a real device); a request while one runs is dropped.
import { gzipSync } from 'node:zlib';
import { DeviceDbPort } from './device-db-port';

export interface LogPullHooks {
  log(message: string): void;
}

export class LogPullManager {
  private lastToken = '';
  private running = false;
  private unsubscribe: (() => void) | undefined;
  /** Uploads finished (ok or not), for tests. */
  uploads: { method: string; status: number | string }[] = [];

  constructor(
    private readonly port: DeviceDbPort,
    private readonly serial: string,
    private readonly hooks: LogPullHooks,
  ) {}

  start(): void {
    this.unsubscribe = this.port.onChange((tables) => {
      if (tables.has('AW_LM_Config')) this.check();
    });
    this.check();
  }

  stop(): void {
    this.unsubscribe?.();
  }

  private check(): void {
    const row = this.port.rows('AW_LM_Config')[0];
    const text = (v: unknown): string => (typeof v === 'string' ? v : '');
    const token = text(row?.upload_token);
    const location = text(row?.upload_location);
    if (!token || !location || token === this.lastToken) return;
    this.lastToken = token;
    if (this.running) {
      this.hooks.log('logpull already running: request dropped');
      return;
    }
    this.running = true;
    void this.upload(text(row?.name), location, token).finally(() => {
      this.running = false;
    });
  }

  private async upload(method: string, location: string, token: string): Promise<void> {
    const archive = gzipSync(Buffer.from(`logpull-${new Date().toISOString()}\nserial ${this.serial}\n/var/log/messages: simulated\n`));
    try {
      let response: Response;
      if (method === 'lm' || method === 'lm-awlan') {
        const form = new FormData();
        form.append('filename', new Blob([archive]), token);
        response = await fetch(location, { method: 'POST', body: form });
      } else if (method === 'lm-s3-presigned') {
        response = await fetch(location, { method: 'PUT', body: archive, headers: { 'content-type': 'application/octet-stream' } });
      } else {
        this.hooks.log(`invalid logpull remote method "${method}"`);
        this.uploads.push({ method, status: 'invalid method' });
        return;
      }
      this.hooks.log(`logpull upload ${response.ok ? 'successful' : 'failed'} (HTTP ${response.status})`);
      this.uploads.push({ method, status: response.status });
    } catch (error) {
      this.hooks.log(`logpull upload failed: ${error instanceof Error ? error.message : String(error)}`);
      this.uploads.push({ method, status: 'error' });
    }
  }
}
