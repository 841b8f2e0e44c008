// The cluster's NATS connection: plain subjects for after-commit change notices and
// convergence status (at most once; the database is the truth and every owner's own passes
// repair a lost message). Whether the connection is up is part of an instance's right to
// hold devices: an instance that cannot hear the cluster stops renewing its lease
// (instance-registry.service.ts), so commands issued elsewhere never go unheard for long.

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { connect, Events, JSONCodec } from 'nats';
import type { NatsConnection, Subscription } from 'nats';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import type { ClusterConfig } from './cluster-config';

export const SUBJECT_PREFIX = 'opensync.cluster';

const codec = JSONCodec<unknown>();

@Injectable()
export class ClusterBus implements OnModuleDestroy {
  private readonly logger = new Logger('Cluster');
  private connection: NatsConnection | undefined;
  private readonly subscriptions: Subscription[] = [];
  private up = false;
  readonly stats = { published: 0, received: 0, disconnects: 0 };
  /** Told when the connection is back (what was published meanwhile was missed). */
  onReconnect: () => void = () => undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private get cluster(): ClusterConfig {
    if (this.config.cluster === undefined) throw new Error('the cluster bus is used without CLUSTER_NATS_URL');
    return this.config.cluster;
  }

  /** Connected to NATS right now. */
  get isUp(): boolean {
    return this.up && this.connection !== undefined && !this.connection.isClosed();
  }

  async start(): Promise<void> {
    const cluster = this.cluster;
    const pingMs = Math.max(1000, Math.floor(cluster.leaseMs / 4));
    this.connection = await connect({
      servers: cluster.natsUrls,
      name: `opensync-controller ${cluster.instanceId}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      pingInterval: pingMs,
      maxPingOut: 2,
    });
    this.up = true;
    void this.watch(this.connection);
    this.logger.log(`connected to NATS at ${this.connection.getServer()} as instance ${cluster.instanceId}`);
  }

  private async watch(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status()) {
      if (status.type === Events.Disconnect) {
        this.up = false;
        this.stats.disconnects++;
        this.logger.warn(`NATS connection lost (${String(status.data)}): this instance stops renewing its lease until it is back`);
      } else if (status.type === Events.Reconnect) {
        this.up = true;
        this.logger.log(`NATS connection back (${String(status.data)})`);
        this.onReconnect();
      }
    }
  }

  publish(subject: string, message: unknown): void {
    if (!this.isUp || this.connection === undefined) return;
    this.stats.published++;
    this.connection.publish(`${SUBJECT_PREFIX}.${subject}`, codec.encode(message));
  }

  subscribe(subject: string, handle: (message: unknown) => void): void {
    if (this.connection === undefined) throw new Error('the cluster bus is not started');
    const subscription = this.connection.subscribe(`${SUBJECT_PREFIX}.${subject}`, {
      callback: (error, msg) => {
        if (error) return;
        this.stats.received++;
        try {
          handle(codec.decode(msg.data));
        } catch (e) {
          this.logger.warn(`dropped a malformed message on ${subject}: ${e instanceof Error ? e.message : String(e)}`);
        }
      },
    });
    this.subscriptions.push(subscription);
  }

  /** Request/reply: the first answer, or a rejection when none comes within `timeoutMs` (or nobody listens). */
  async request(subject: string, message: unknown, timeoutMs: number): Promise<unknown> {
    if (!this.isUp || this.connection === undefined) throw new Error('NATS connection down');
    this.stats.published++;
    const reply = await this.connection.request(`${SUBJECT_PREFIX}.${subject}`, codec.encode(message), { timeout: timeoutMs });
    this.stats.received++;
    return codec.decode(reply.data);
  }

  /** Answers requests on a subject; a handler that throws answers nothing (the requester times out). */
  respond(subject: string, answer: (message: unknown) => Promise<unknown>): void {
    if (this.connection === undefined) throw new Error('the cluster bus is not started');
    const subscription = this.connection.subscribe(`${SUBJECT_PREFIX}.${subject}`, {
      callback: (error, msg) => {
        if (error) return;
        this.stats.received++;
        void answer(codec.decode(msg.data))
          .then((reply) => {
            this.stats.published++;
            msg.respond(codec.encode(reply));
          })
          .catch((e: unknown) => this.logger.warn(`no answer on ${subject}: ${e instanceof Error ? e.message : String(e)}`));
      },
    });
    this.subscriptions.push(subscription);
  }

  async onModuleDestroy(): Promise<void> {
    for (const s of this.subscriptions) s.unsubscribe();
    await this.connection?.drain().catch(() => undefined);
  }
}
