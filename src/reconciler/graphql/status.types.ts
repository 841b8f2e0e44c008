// GraphQL shapes of convergence: per (network, node) status with its mismatches, and the
// network's overall status.

import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from '../../audit/json.scalar';
import { MismatchReason } from './device-enums';

export enum ConvergenceStatus {
  APPLIED = 'APPLIED',
  PENDING = 'PENDING',
  FAILED = 'FAILED',
  OFFLINE = 'OFFLINE',
}
registerEnumType(ConvergenceStatus, {
  name: 'ConvergenceStatus',
  description: 'Convergence of a network on a node (docs/api.md, Convergence).',
  valuesMap: {
    APPLIED: { description: 'The device reports the VIFs running as the model says.' },
    PENDING: { description: 'A change is on its way and the configured time has not run out.' },
    FAILED: { description: 'Not converged within RECONCILE_FAIL_AFTER_MS; the mismatches say why.' },
    OFFLINE: { description: 'The node is not connected.' },
  },
});

@ObjectType({ description: 'Why a network is not (yet) applied on a node. Passphrases are always masked.' })
export class VifMismatch {
  @Field({ description: 'The VIF (empty when the device cannot carry the network at all).' })
  ifName!: string;

  @Field(() => MismatchReason, { description: 'What is wrong: a convergence mismatch, or why the device cannot carry the network.' })
  reason!: MismatchReason;

  @Field(() => String, { nullable: true, description: 'The differing column (for a network the device cannot carry: the radio).' })
  column?: string | null;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value in Wifi_VIF_Config.' })
  config?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value in Wifi_VIF_State.' })
  state?: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The value the model asks for.' })
  desired?: unknown;
}

@ObjectType({ description: "The network's convergence on one node of its location." })
export class NetworkNodeStatusEntry {
  @Field(() => ID, { description: 'The node.' })
  nodeId!: string;

  @Field({ description: "The node's serial." })
  serial!: string;

  @Field(() => ConvergenceStatus, { description: 'The network on this node.' })
  status!: ConvergenceStatus;

  @Field(() => [VifMismatch], { description: 'Why it is not APPLIED (empty when it is, or OFFLINE).' })
  mismatches!: VifMismatch[];
}

@ObjectType({ description: "A network's convergence on the nodes of its location (docs/api.md, Convergence)." })
export class WifiNetworkStatus {
  @Field(() => ID, { description: 'The network.' })
  networkId!: string;

  @Field(() => ConvergenceStatus, { description: 'FAILED if any node failed, else PENDING if any waits, else APPLIED if any applied, else OFFLINE.' })
  overall!: ConvergenceStatus;

  @Field(() => [NetworkNodeStatusEntry], { description: 'One entry per node of the location, by serial.' })
  nodes!: NetworkNodeStatusEntry[];
}
