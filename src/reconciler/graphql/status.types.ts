// GraphQL shapes of convergence: per (network, node) status with its mismatches, and the
// network's overall status.

import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../audit/json.scalar';

export enum ConvergenceStatus {
  APPLIED = 'APPLIED',
  PENDING = 'PENDING',
  FAILED = 'FAILED',
  OFFLINE = 'OFFLINE',
}
registerEnumType(ConvergenceStatus, {
  name: 'ConvergenceStatus',
  description: 'APPLIED: the device reports the VIFs running as configured. FAILED: not converged within the configured time.',
});

@ObjectType({ description: 'Why a network is not (yet) applied on a node. Passphrases are always masked.' })
export class VifMismatch {
  @Field({ description: 'The VIF (empty when the device cannot carry the network at all).' })
  ifName!: string;

  @Field({ description: 'CONFIG_MISSING, CONFIG_DIFFERS, STATE_DIFFERS, NOT_REMOVED, or why the device cannot carry it (e.g. SECURITY_UNSUPPORTED).' })
  reason!: string;

  @Field(() => String, { nullable: true })
  column?: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  config?: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  state?: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  desired?: unknown;
}

@ObjectType()
export class NetworkNodeStatusEntry {
  @Field(() => ID)
  nodeId!: string;

  @Field()
  serial!: string;

  @Field(() => ConvergenceStatus)
  status!: ConvergenceStatus;

  @Field(() => [VifMismatch])
  mismatches!: VifMismatch[];
}

@ObjectType()
export class WifiNetworkStatus {
  @Field(() => ID)
  networkId!: string;

  @Field(() => ConvergenceStatus, { description: 'FAILED if any node failed, else PENDING if any waits, else APPLIED if any applied, else OFFLINE.' })
  overall!: ConvergenceStatus;

  @Field(() => [NetworkNodeStatusEntry])
  nodes!: NetworkNodeStatusEntry[];
}
