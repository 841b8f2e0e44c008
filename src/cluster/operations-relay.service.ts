// Device operations across instances. The runner of every instance drives only the targets
// whose device it holds (DeviceOwnership.drives); this relay tells the others, after the
// commit, that an operation started or was cancelled (they pass over it at once rather than
// at their next periodic pass) and that its progress changed (their progress subscriptions
// answer too). At most once, like the other notices: a lost one is made up by the periodic
// pass (ClusterService), which re-reads the operations from PostgreSQL. Progress notices of
// one operation are gathered for a short while so a rollout is not a message per node.

import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { OperationsRunner } from '../operations/runner/operations-runner.service';
import type { OperationNotice } from '../operations/runner/target-placement';
import { ClusterBus } from './cluster-bus.service';
import { OPERATIONS_SUBJECT, parseOperationsMessage } from './cluster-messages';

const PROGRESS_GATHER_MS = 200;

@Injectable()
export class OperationsRelay {
  private readonly logger = new Logger('Cluster');
  private readonly progress = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly bus: ClusterBus,
    private readonly runner: OperationsRunner,
  ) {}

  private get me(): string {
    return this.config.cluster?.instanceId ?? '';
  }

  start(): void {
    this.runner.onNotice = (notice) => this.local(notice);
    this.bus.subscribe(OPERATIONS_SUBJECT, (raw) => {
      const message = parseOperationsMessage(raw);
      if (message.from === this.me) return;
      for (const notice of message.notices) {
        void this.runner.fromOtherInstance(notice).catch((error: unknown) => this.logger.warn(`operation notice ${notice.kind} of ${notice.operationId} failed: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  }

  private local(notice: OperationNotice): void {
    if (notice.kind !== 'progress') {
      this.bus.publish(OPERATIONS_SUBJECT, { from: this.me, notices: [notice] });
      return;
    }
    this.progress.add(notice.operationId);
    this.timer ??= setTimeout(() => this.flush(), PROGRESS_GATHER_MS);
  }

  private flush(): void {
    this.timer = undefined;
    const notices = [...this.progress].map((operationId): OperationNotice => ({ operationId, kind: 'progress' }));
    this.progress.clear();
    if (notices.length > 0) this.bus.publish(OPERATIONS_SUBJECT, { from: this.me, notices });
  }

  stop(): void {
    this.runner.onNotice = undefined;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
