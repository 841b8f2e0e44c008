// Temporary client blocks per node (client kicks), as the reconciler includes them in each
// pass's desired VIFs: the MAC is blacklisted on every controller-owned VIF of the node until
// the block ends, then the next pass (armed at that instant) removes it. Held in memory only
// for nodes with a block in force: nothing per idle device. The durable copy (and reload at
// start) belongs to the module that creates blocks (src/operations/kick).

import { Injectable } from '@nestjs/common';
import { activeBlocks, ClientBlock } from '@lib/opensync';

@Injectable()
export class ClientBlocks {
  /** nodeId -> block key -> block. */
  private readonly byNode = new Map<string, Map<string, ClientBlock>>();

  /** Sets (or replaces) the block `key` of a node. */
  set(nodeId: string, key: string, block: ClientBlock): void {
    let blocks = this.byNode.get(nodeId);
    if (blocks === undefined) {
      blocks = new Map();
      this.byNode.set(nodeId, blocks);
    }
    blocks.set(key, block);
  }

  /** The node's blocks in force at `now`; ended ones are forgotten. */
  activeFor(nodeId: string, now: Date): ClientBlock[] {
    const blocks = this.byNode.get(nodeId);
    if (blocks === undefined) return [];
    const active = activeBlocks([...blocks.values()], now);
    if (active.length < blocks.size) {
      for (const [key, block] of blocks) if (!active.includes(block)) blocks.delete(key);
      if (blocks.size === 0) this.byNode.delete(nodeId);
    }
    return active;
  }
}
