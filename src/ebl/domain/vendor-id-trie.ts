// Left-to-right prefix matching of DHCP vendor class identifiers (option 60) against the
// registered `partial_match` vendor ids: a character trie, so one lookup costs the length
// of the client's vendor class, whatever the number of registrations.

interface TrieNode<T> {
  children: Map<string, TrieNode<T>>;
  values: T[];
}

export class PrefixTrie<T> {
  private readonly root: TrieNode<T> = { children: new Map(), values: [] };
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(prefix: string, value: T): void {
    let node = this.root;
    for (const ch of prefix) {
      let next = node.children.get(ch);
      if (next === undefined) {
        next = { children: new Map(), values: [] };
        node.children.set(ch, next);
      }
      node = next;
    }
    node.values.push(value);
    this.count++;
  }

  /** Removes the values of `prefix` that satisfy `which`; prunes emptied branches. */
  remove(prefix: string, which: (value: T) => boolean): number {
    const path: [TrieNode<T>, string][] = [];
    let node = this.root;
    for (const ch of prefix) {
      const next = node.children.get(ch);
      if (next === undefined) return 0;
      path.push([node, ch]);
      node = next;
    }
    const before = node.values.length;
    node.values = node.values.filter((v) => !which(v));
    const removed = before - node.values.length;
    this.count -= removed;
    for (let i = path.length - 1; i >= 0 && node.values.length === 0 && node.children.size === 0; i--) {
      const [parent, ch] = path[i];
      parent.children.delete(ch);
      node = parent;
    }
    return removed;
  }

  /** Every value whose prefix starts `text` (including the whole of it). */
  matches(text: string): T[] {
    const found: T[] = [];
    let node: TrieNode<T> | undefined = this.root;
    if (node.values.length > 0) found.push(...node.values);
    for (const ch of text) {
      node = node.children.get(ch);
      if (node === undefined) break;
      if (node.values.length > 0) found.push(...node.values);
    }
    return found;
  }
}
