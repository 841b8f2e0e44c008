// AWLAN_Node.mqtt_settings (operations.md section 7): where the device's QM publishes its
// merged sts.Report. The device always uses TLS towards the broker; the topic carries the
// node identity the controller assigned, which ingestion trusts over anything in a report.

import { DatabaseSchema, Operation } from '@lib/ovsdb';
import { CachedRow } from '../desired/desired-network';
import { planAwlanNodeColumns } from '../node/awlan-node-plan';

export interface MqttTarget {
  broker: string;
  port: number;
  topic: string;
  qos: 0 | 1;
  aggStatsIntervalS: number;
}

export function desiredMqttSettings(target: MqttTarget): Map<string, string> {
  return new Map([
    ['broker', target.broker],
    ['port', String(target.port)],
    ['topics', target.topic],
    ['qos', String(target.qos)],
    ['compress', 'zlib'],
    ['agg_stats_interval', String(target.aggStatsIntervalS)],
  ]);
}

/** `<prefix>/<nodeId>`: the topic a node publishes to, and how a topic names its node. */
export function nodeStatsTopic(prefix: string, nodeId: string): string {
  return `${prefix}/${nodeId}`;
}

export function nodeIdOfTopic(prefix: string, topic: string): string | undefined {
  if (!topic.startsWith(`${prefix}/`)) return undefined;
  const rest = topic.slice(prefix.length + 1);
  return rest.length > 0 && !rest.includes('/') ? rest : undefined;
}

/** An update of every AWLAN_Node row whose mqtt_settings differ (null desired: leave them be). */
export function planMqttSettings(desired: ReadonlyMap<string, string> | null, rows: readonly CachedRow[], schema: DatabaseSchema): Operation[] {
  return desired === null ? [] : planAwlanNodeColumns({ mqtt_settings: new Map(desired) }, rows, schema);
}
