// RFC 7047 section 5.1: <uuid> is ["uuid", <string>] where the string is a UUID in the
// 36-character form of RFC 4122; <named-uuid> names a row inserted in the same transaction
// and must be an <id>.

const UUID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && value.length === 36 && UUID_PATTERN.test(value);
}

export function isNamedUuidName(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
