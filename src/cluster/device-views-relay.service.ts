// Live device views (node.vifs, node.radios) answered on any instance: a device another
// instance holds is read there, by request/reply on that instance's own NATS subject, with
// a bounded wait. No live holder: the device is offline (empty, as in a single process).
// The holder does not answer in time: DEVICE_HOLDER_UNAVAILABLE. An error the holder met
// (DEVICE_UNAVAILABLE: the device did not answer) comes back with its code.

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors/app-error';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import type { NodeRadio, NodeVif } from '../reconciler/graphql/node-device.types';
import { NodeDeviceViewService } from '../reconciler/status/node-device-view.service';
import type { RemoteDeviceViews } from '../reconciler/status/remote-device-views';
import type { VifAudience } from '../reconciler/status/vif-row-visibility';
import { ClusterBus } from './cluster-bus.service';
import { parseViewRequest, VIEWS_SUBJECT } from './cluster-messages';
import type { ViewReply, ViewRequest } from './cluster-messages';
import { LIVE_HOLDER } from './cluster-sql';

/** How long a holder has to answer: a device read is bounded by the transact timeout, this by a little more. */
export const HOLDER_READ_TIMEOUT_MS = 5000;

@Injectable()
export class DeviceViewsRelay implements RemoteDeviceViews {
  readonly stats = { asked: 0, answered: 0, unanswered: 0 };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly bus: ClusterBus,
    private readonly views: NodeDeviceViewService,
  ) {}

  private get me(): string {
    return this.config.cluster?.instanceId ?? '';
  }

  start(): void {
    this.views.remote = this;
    this.bus.respond(`${VIEWS_SUBJECT}.${this.me}`, async (raw) => {
      const request = parseViewRequest(raw);
      this.stats.answered++;
      try {
        const value = request.view === 'vifs' ? await this.views.vifs(request.nodeId, request.audience) : await this.views.radios(request.nodeId);
        return { ok: true, value } satisfies ViewReply;
      } catch (error) {
        if (error instanceof AppError) return { ok: false, code: error.code, message: error.message } satisfies ViewReply;
        throw error;
      }
    });
  }

  stop(): void {
    this.views.remote = undefined;
  }

  vifs(nodeId: string, serial: string, audience: VifAudience): Promise<NodeVif[] | undefined> {
    return this.ask(serial, { view: 'vifs', nodeId, audience }) as Promise<NodeVif[] | undefined>;
  }

  radios(nodeId: string, serial: string): Promise<NodeRadio[] | undefined> {
    return this.ask(serial, { view: 'radios', nodeId }) as Promise<NodeRadio[] | undefined>;
  }

  private async ask(serial: string, request: ViewRequest): Promise<unknown[] | undefined> {
    const rows = (await this.dataSource.query(LIVE_HOLDER, [serial])) as Array<{ instance_id: string }>;
    const holder = rows[0]?.instance_id;
    // Nobody holds it, or this instance does and its session is gone: offline.
    if (holder === undefined || holder === this.me) return undefined;
    this.stats.asked++;
    let reply: unknown;
    try {
      reply = await this.bus.request(`${VIEWS_SUBJECT}.${holder}`, request, HOLDER_READ_TIMEOUT_MS);
    } catch (error) {
      this.stats.unanswered++;
      throw new AppError(
        ErrorCode.DEVICE_HOLDER_UNAVAILABLE,
        `node ${request.nodeId} (serial ${serial}): instance ${holder}, which holds the device, did not answer a live read (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const answer = reply as ViewReply;
    if (answer.ok) return answer.value;
    throw new AppError(Object.values(ErrorCode).includes(answer.code as ErrorCode) ? (answer.code as ErrorCode) : ErrorCode.DEVICE_UNAVAILABLE, answer.message);
  }
}
