// Log archives on disk (OPERATIONS_LOG_DIR, one file per operation target): the upload
// writes them (at most OPERATIONS_LOG_MAX_BYTES, into a temporary file renamed when
// complete), support and admins read them through an authorised URL, and they are deleted
// after OPERATIONS_LOG_RETENTION_MS (checked at start and hourly).

import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { createReadStream, createWriteStream, mkdirSync, ReadStream } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OPERATIONS_CONFIG, OperationsConfig } from '../operations-config';

const SWEEP_EVERY_MS = 3_600_000;

export class ArchiveTooLarge extends Error {}

@Injectable()
export class LogArchivesService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Operations');
  private sweeper: NodeJS.Timeout | undefined;

  constructor(@Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig) {}

  onModuleInit(): void {
    void this.sweep();
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  private path(targetId: string): string {
    return join(this.config.logDir, `${targetId}.tgz`);
  }

  /** Stores the stream as the target's archive; returns its size. ArchiveTooLarge past the limit. */
  async store(targetId: string, source: NodeJS.ReadableStream): Promise<number> {
    mkdirSync(this.config.logDir, { recursive: true });
    const partial = `${this.path(targetId)}.part`;
    let bytes = 0;
    const limit = this.config.logMaxBytes;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(bytes > limit ? new ArchiveTooLarge(`archive larger than ${limit} bytes`) : null, chunk);
      },
    });
    try {
      await pipeline(source, counter, createWriteStream(partial));
      await rename(partial, this.path(targetId));
      return bytes;
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  /** The archive, if it is still kept. */
  async open(targetId: string): Promise<{ stream: ReadStream; bytes: number } | undefined> {
    try {
      const info = await stat(this.path(targetId));
      if (Date.now() - info.mtimeMs > this.config.logRetentionMs) return undefined;
      return { stream: createReadStream(this.path(targetId)), bytes: info.size };
    } catch {
      return undefined;
    }
  }

  async sweep(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.config.logDir);
    } catch {
      return;
    }
    for (const name of names) {
      const file = join(this.config.logDir, name);
      const info = await stat(file).catch(() => undefined);
      if (info && Date.now() - info.mtimeMs > this.config.logRetentionMs) {
        await rm(file, { force: true });
        this.logger.log(`log archive ${name} expired and was deleted`);
      }
    }
  }
}
