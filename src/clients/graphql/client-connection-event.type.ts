// What clientConnectionChanged pushes: one client joining or leaving one node.

import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ClientEvent } from '../live/client-event';

export enum ClientConnectionKind {
  CONNECTED = 'CONNECTED',
  DISCONNECTED = 'DISCONNECTED',
}
registerEnumType(ClientConnectionKind, {
  name: 'ClientConnectionKind',
  description: 'Whether a client joined or left a node.',
  valuesMap: {
    CONNECTED: { description: 'The client associated to a VIF of the node.' },
    DISCONNECTED: { description: 'The client left the VIF of the node.' },
  },
});

@ObjectType({ description: 'A client joining or leaving one node of a location.' })
export class ClientConnectionEvent {
  @Field(() => ClientConnectionKind, { description: 'Connected or disconnected.' })
  kind!: ClientConnectionKind;

  @Field({ description: 'Lower-case colon-separated MAC address of the client.' })
  mac!: string;

  @Field(() => ID, { description: 'The node the client joined or left.' })
  nodeId!: string;

  @Field({ description: 'The VIF (if_name) on that node.' })
  ifName!: string;

  @Field(() => ID, { nullable: true, description: 'The WiFi network of that VIF; null when it is not one of the controller\'s.' })
  networkId!: string | null;

  @Field(() => String, { nullable: true, description: 'Radio band: 2.4G, 5G, 5GL, 5GU or 6G; null when the device did not say.' })
  band!: string | null;

  @Field(() => String, { nullable: true, description: 'The multi-PSK key id the client used; null without multi-PSK.' })
  keyId!: string | null;

  @Field(() => Date, { description: 'When the controller saw the change.' })
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
