// Which nodes are placed at a location, as the reconciler last read it, so a domain event
// finds its nodes without a scan. A location with one node (most homes) holds the id
// itself: a Set per home would cost ~200 bytes each, ten thousand times over.

const NONE: readonly string[] = [];

export class PlacementIndex {
  private readonly nodesByLocation = new Map<string, string | Set<string>>();
  private readonly locationOfNode = new Map<string, string>();

  nodesAt(locationId: string): Iterable<string> {
    const nodes = this.nodesByLocation.get(locationId);
    return nodes === undefined ? NONE : typeof nodes === 'string' ? [nodes] : [...nodes];
  }

  /** Places the node at `locationId`, moving it from where it was. */
  place(nodeId: string, locationId: string): void {
    this.remove(nodeId);
    this.locationOfNode.set(nodeId, locationId);
    const nodes = this.nodesByLocation.get(locationId);
    if (nodes === undefined) this.nodesByLocation.set(locationId, nodeId);
    else if (typeof nodes === 'object') nodes.add(nodeId);
    else this.nodesByLocation.set(locationId, new Set([nodes, nodeId]));
  }

  remove(nodeId: string): void {
    const locationId = this.locationOfNode.get(nodeId);
    if (locationId === undefined) return;
    this.locationOfNode.delete(nodeId);
    const nodes = this.nodesByLocation.get(locationId);
    if (typeof nodes === 'object') {
      nodes.delete(nodeId);
      if (nodes.size === 1) this.nodesByLocation.set(locationId, nodes.values().next().value as string);
    } else {
      this.nodesByLocation.delete(locationId);
    }
  }
}
