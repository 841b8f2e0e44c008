// Telemetry fields on the objects support staff already reach (and whose scope the query
// that reached them checked): location.usage / topTalkers, client.usage / signal,
// node.health / uptime.

import { Args, Float, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { ClientRecord } from '../../clients/store/client.entity';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { AppError } from '../../common/errors/app-error';
import { Location } from '../../locations/location.entity';
import { Node } from '../../nodes/node.entity';
import { HourTotals, TelemetryQueryService } from '../store/telemetry-query.service';
import { bucketStart, timeRange } from './time-range';
import { NodeHealth, SignalBucket, TopTalker, UsageBucket, UsageBucketSize } from './telemetry.types';

function usageBuckets(hours: HourTotals[], size: UsageBucketSize): UsageBucket[] {
  const buckets = new Map<number, UsageBucket>();
  for (const h of hours) {
    const start = bucketStart(h.hour, size === UsageBucketSize.DAY);
    const b = buckets.get(start) ?? { start: new Date(start), rxBytes: 0, txBytes: 0 };
    b.rxBytes += h.rxBytes;
    b.txBytes += h.txBytes;
    buckets.set(start, b);
  }
  return [...buckets.values()];
}

@Resolver(() => Location)
export class LocationTelemetryResolver {
  constructor(
    private readonly telemetry: TelemetryQueryService,
    private readonly dataSource: DataSource,
  ) {}

  @ResolveField(() => [UsageBucket], { description: 'Traffic of all clients of the location over [from, to) (default: the last 24 hours).' })
  @RequirePermission(Permission.TENANT_READ)
  async usage(
    @Parent() location: Location,
    @Args('from', { type: () => Date, nullable: true, description: 'Start of the range, inclusive (default: 24 hours before to); at most 92 days before to.' }) from?: Date | null,
    @Args('to', { type: () => Date, nullable: true, description: 'End of the range, exclusive (default: now).' }) to?: Date | null,
    @Args('bucket', { type: () => UsageBucketSize, defaultValue: UsageBucketSize.HOUR, description: 'Bucket size: one UTC hour or one UTC day.' }) bucket: UsageBucketSize = UsageBucketSize.HOUR,
  ): Promise<UsageBucket[]> {
    const range = timeRange(from, to);
    return usageBuckets(await this.telemetry.hourly(location.id, null, range.from, range.to), bucket);
  }

  @ResolveField(() => [TopTalker], { description: 'The clients that moved the most bytes over [from, to).' })
  @RequirePermission(Permission.TENANT_READ)
  async topTalkers(
    @Parent() location: Location,
    @Args('from', { type: () => Date, nullable: true, description: 'Start of the range, inclusive (default: 24 hours before to); at most 92 days before to.' }) from?: Date | null,
    @Args('to', { type: () => Date, nullable: true, description: 'End of the range, exclusive (default: now).' }) to?: Date | null,
    @Args('first', { type: () => Int, defaultValue: 10, description: 'How many clients to return, 1..100.' }) first = 10,
  ): Promise<TopTalker[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw AppError.validation([{ field: 'first', message: 'must be 1..100' }]);
    const range = timeRange(from, to);
    const talkers = await this.telemetry.topTalkers(location.id, range.from, range.to, first);
    const names = talkers.length === 0 ? [] : await this.dataSource.manager.find(ClientRecord, { select: { mac: true, nickname: true }, where: { locationId: location.id, mac: In(talkers.map((t) => t.mac)) } });
    const byMac = new Map(names.map((n) => [n.mac, n.nickname]));
    return talkers.map((t) => ({ ...t, nickname: byMac.get(t.mac) ?? null }));
  }
}

@Resolver(() => ClientRecord)
export class ClientTelemetryResolver {
  constructor(private readonly telemetry: TelemetryQueryService) {}

  @ResolveField(() => [UsageBucket], { description: 'The client\'s traffic over [from, to) (default: the last 24 hours).' })
  @RequirePermission(Permission.TENANT_READ)
  async usage(
    @Parent() client: ClientRecord,
    @Args('from', { type: () => Date, nullable: true, description: 'Start of the range, inclusive (default: 24 hours before to); at most 92 days before to.' }) from?: Date | null,
    @Args('to', { type: () => Date, nullable: true, description: 'End of the range, exclusive (default: now).' }) to?: Date | null,
    @Args('bucket', { type: () => UsageBucketSize, defaultValue: UsageBucketSize.HOUR, description: 'Bucket size: one UTC hour or one UTC day.' }) bucket: UsageBucketSize = UsageBucketSize.HOUR,
  ): Promise<UsageBucket[]> {
    const range = timeRange(from, to);
    return usageBuckets(await this.telemetry.hourly(client.locationId, client.mac, range.from, range.to), bucket);
  }

  @ResolveField(() => [SignalBucket], { description: 'The client\'s signal (SNR) per hour over [from, to).' })
  @RequirePermission(Permission.TENANT_READ)
  async signal(
    @Parent() client: ClientRecord,
    @Args('from', { type: () => Date, nullable: true, description: 'Start of the range, inclusive (default: 24 hours before to); at most 92 days before to.' }) from?: Date | null,
    @Args('to', { type: () => Date, nullable: true, description: 'End of the range, exclusive (default: now).' }) to?: Date | null,
  ): Promise<SignalBucket[]> {
    const range = timeRange(from, to);
    const hours = await this.telemetry.hourly(client.locationId, client.mac, range.from, range.to);
    return hours.filter((h) => h.snrCount > 0).map((h) => ({ start: new Date(h.hour), avgSnrDb: h.snrSum / h.snrCount, minSnrDb: h.snrMin }));
  }
}

@Resolver(() => Node)
export class NodeTelemetryResolver {
  constructor(private readonly telemetry: TelemetryQueryService) {}

  @ResolveField(() => NodeHealth, { nullable: true, description: 'The node\'s last reported health; null before its first report.' })
  @RequirePermission(Permission.TENANT_READ)
  async health(@Parent() node: Node): Promise<NodeHealth | null> {
    const latest = await this.telemetry.latestNodeSample(node.id);
    if (latest === null) return null;
    const [reboot, radios] = await Promise.all([this.telemetry.lastReboot(node.id), this.telemetry.latestRadios(node.id, Date.now())]);
    return {
      ...latest,
      at: new Date(latest.at),
      lastRebootAt: reboot === null ? null : new Date(reboot),
      radios: radios.map((r) => ({ ...r, at: new Date(r.at) })),
    };
  }

  @ResolveField(() => Float, { nullable: true, description: 'Seconds since the node booted, as of its last report.' })
  @RequirePermission(Permission.TENANT_READ)
  async uptime(@Parent() node: Node): Promise<number | null> {
    return (await this.telemetry.latestNodeSample(node.id))?.uptimeS ?? null;
  }
}
