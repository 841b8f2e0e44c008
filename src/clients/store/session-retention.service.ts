// Removes client sessions older than the retention period: hourly, in chunks of a thousand
// rows with a loop turn between chunks, so a large backlog never holds the database or the
// event loop for long.

import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CLIENTS_CONFIG, ClientsConfig } from '../clients-config';
import { ClientStore } from './client-store.service';

const SWEEP_EVERY_MS = 3600_000;
const CHUNK = 1000;

@Injectable()
export class SessionRetentionService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Clients');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    @Inject(CLIENTS_CONFIG) private readonly config: ClientsConfig,
    private readonly store: ClientStore,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(new Date()), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Deletes every session that ended before now minus the retention; returns how many. */
  sweep(now: Date): Promise<number> {
    this.running ??= this.run(new Date(now.getTime() - this.config.sessionRetentionDays * 86_400_000)).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(cutoff: Date): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const n = await this.store.deleteSessionsEndedBefore(cutoff, CHUNK);
        total += n;
        if (n < CHUNK) break;
        await new Promise((r) => setImmediate(r));
      }
    } catch (error) {
      this.logger.warn(`client session retention failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return total;
  }
}
