// GraphQL documents and helpers of the device-operations e2e specs.

import { expectData, gql, TestApp } from '../support';
import { until } from '../reconciliation/sim-device';

export const CREATE_REBOOT = `mutation ($input: CreateRebootInput!) { createRebootOperation(input: $input) { id kind state targetCount waveSize startAt createdByEmail } }`;
export const OPERATION = `query ($id: ID!, $first: Int, $after: String, $state: DeviceOperationTargetState) {
  deviceOperation(id: $id) { id kind state finishedAt progress { state count }
    targets(first: $first, after: $after, state: $state) { edges { cursor node { serialNumber state failureCode detail } } pageInfo { hasNextPage endCursor } } } }`;
export const OPERATIONS = `query ($filter: DeviceOperationsFilter, $first: Int) { deviceOperations(filter: $filter, first: $first) { edges { node { id kind state } } } }`;
export const CANCEL = `mutation ($id: ID!) { cancelDeviceOperation(id: $id) { id state } }`;
export const PAUSE = `mutation ($id: ID!) { pauseDeviceOperation(id: $id) { id state } }`;
export const RESUME = `mutation ($id: ID!) { resumeDeviceOperation(id: $id) { id state } }`;

export interface TargetView {
  serialNumber: string;
  state: string;
  failureCode: string | null;
  detail: string | null;
}

export interface OperationView {
  id: string;
  kind: string;
  state: string;
  finishedAt: string | null;
  progress: { state: string; count: number }[];
  targets: { edges: { cursor: string; node: TargetView }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

export async function readOperation(app: TestApp, token: string, id: string, first = 100): Promise<OperationView> {
  return expectData(await gql<{ deviceOperation: OperationView }>(app, OPERATION, { id, first }, token)).deviceOperation;
}

/** Waits until the operation is in `state` (COMPLETED, CANCELLED, ...). */
export function untilOperation(app: TestApp, token: string, id: string, state: string): Promise<OperationView> {
  return until(`operation ${id} ${state}`, async () => {
    const op = await readOperation(app, token, id);
    return op.state === state && op;
  });
}

export function targetStates(op: OperationView): Record<string, string> {
  return Object.fromEntries(op.targets.edges.map((e) => [e.node.serialNumber, e.node.failureCode ? `${e.node.state} ${e.node.failureCode}` : e.node.state]));
}
