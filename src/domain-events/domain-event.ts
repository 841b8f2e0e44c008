// What the provisioning domain tells the rest of the application after a change has
// committed: which location (and which nodes) must be reconciled with the devices.

export type DomainEventType = 'location-changed' | 'node-claimed' | 'node-unclaimed' | 'wifi-network-changed';

export interface DomainEvent {
  type: DomainEventType;
  locationId: string;
  /** Nodes directly concerned (claimed, unclaimed); absent when every node of the location is. */
  nodeIds?: string[];
}
