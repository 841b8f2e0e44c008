// What clientConnectionChanged pushes: one client joining or leaving one node.

import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ClientEvent } from '../live/client-event';

export enum ClientConnectionKind {
  CONNECTED = 'CONNECTED',
  DISCONNECTED = 'DISCONNECTED',
}
registerEnumType(ClientConnectionKind, { name: 'ClientConnectionKind' });

@ObjectType()
export class ClientConnectionEvent {
  @Field(() => ClientConnectionKind)
  kind!: ClientConnectionKind;

  @Field()
  mac!: string;

  @Field(() => ID)
  nodeId!: string;

  @Field()
  ifName!: string;

  @Field(() => ID, { nullable: true })
  networkId!: string | null;

  @Field(() => String, { nullable: true })
  band!: string | null;

  @Field(() => String, { nullable: true })
  keyId!: string | null;

  @Field(() => Date)
  at!: Date;

  static of(e: ClientEvent): ClientConnectionEvent {
    return Object.assign(new ClientConnectionEvent(), {
      kind: e.kind === 'connected' ? ClientConnectionKind.CONNECTED : ClientConnectionKind.DISCONNECTED,
      mac: e.mac,
      nodeId: e.nodeId,
      ifName: e.ifName,
      networkId: e.networkId,
      band: e.band,
      keyId: e.keyId,
      at: e.at,
    });
  }
}
