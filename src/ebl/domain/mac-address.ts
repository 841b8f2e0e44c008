// MAC addresses as providers write them: colon, hyphen, dotted (Cisco) or bare hex, any
// case. Stored and matched in one form: lower case, colon separated (as the clients
// module keys its clients).

const SEPARATED = /^([0-9a-f]{2})([:-])([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})$/;
const DOTTED = /^([0-9a-f]{4})\.([0-9a-f]{4})\.([0-9a-f]{4})$/;
const BARE = /^[0-9a-f]{12}$/;

/** The canonical form (`aa:bb:cc:dd:ee:ff`), or null when `value` is no MAC address. */
export function parseMac(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  let hex: string | null = null;
  const separated = SEPARATED.exec(v);
  if (separated) hex = [1, 3, 4, 5, 6, 7].map((i) => separated[i]).join('');
  const dotted = hex === null ? DOTTED.exec(v) : null;
  if (dotted) hex = dotted[1] + dotted[2] + dotted[3];
  if (hex === null && BARE.test(v)) hex = v;
  if (hex === null) return null;
  return hex.match(/../g)!.join(':');
}
