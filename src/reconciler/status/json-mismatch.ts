// A mismatch as GraphQL carries it: values as JSON (they are already redacted by the rules).

import { mismatchReasonOf } from '../graphql/device-enums';
import { jsonValue } from '../graphql/json-value';
import { VifMismatch } from '../graphql/status.types';
import { NodeStatusMismatch } from './node-network-statuses';

export function jsonMismatch(m: NodeStatusMismatch): VifMismatch {
  return {
    ifName: m.ifName,
    reason: mismatchReasonOf(m.reason),
    column: m.column ?? null,
    config: jsonValue(m.config),
    state: jsonValue(m.state),
    desired: jsonValue(m.desired),
  };
}
