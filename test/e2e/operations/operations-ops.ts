// GraphQL documents and helpers of the device-operations e2e specs.

import { DelayScheduler, defaultProfile, DeviceBehaviour, loadSchemaFile, OPENSYNC_SUBSET_SCHEMA_PATH, SimulatedDevice } from '@lib/device-sim';
import { CLAIM_NODE } from '../provisioning/provisioning-ops';
import { expectData, gql, TestApp } from '../support';
import { listenerPort, SimHandle, until } from '../reconciliation/sim-device';

export const CREATE_REBOOT = `mutation ($input: CreateRebootInput!) { createRebootOperation(input: $input) { id kind state targetCount waveSize startAt createdByEmail } }`;
export const OPERATION = `query ($id: ID!, $first: Int, $after: String, $state: DeviceOperationTargetState) {
  deviceOperation(id: $id) { id kind state finishedAt progress { state count }
    targets(first: $first, after: $after, state: $state) { edges { cursor node { serial state failureCode detail } } pageInfo { hasNextPage endCursor } } } }`;
export const OPERATIONS = `query ($filter: DeviceOperationsFilter, $first: Int) { deviceOperations(filter: $filter, first: $first) { edges { node { id kind state } } } }`;
export const CANCEL = `mutation ($id: ID!) { cancelDeviceOperation(id: $id) { id state } }`;
export const PAUSE = `mutation ($id: ID!) { pauseDeviceOperation(id: $id) { id state } }`;
export const RESUME = `mutation ($id: ID!) { resumeDeviceOperation(id: $id) { id state } }`;

export interface TargetView {
  serial: string;
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
  return Object.fromEntries(op.targets.edges.map((e) => [e.node.serial, e.node.failureCode ? `${e.node.state} ${e.node.failureCode}` : e.node.state]));
}

export const CREATE_UPGRADE = `mutation ($input: CreateFirmwareUpgradeInput!) { createFirmwareOperation(input: $input) { id kind state targetCount waveSize } }`;
export const CREATE_IMAGE = `mutation ($input: FirmwareImageInput!) { createFirmwareImage(input: $input) { id model version url md5 } }`;
export const IMAGES = `query ($model: String) { firmwareImages(model: $model) { model version url } }`;

/** A simulated device of a given model dialling the app (no backhaul VIF: operations do not need one). */
export async function startModelDevice(app: TestApp, serial: string, model: string, behaviour: Partial<DeviceBehaviour> = {}): Promise<SimHandle> {
  const scheduler = new DelayScheduler();
  const device = new SimulatedDevice({
    schema: loadSchemaFile(OPENSYNC_SUBSET_SCHEMA_PATH),
    profile: defaultProfile(serial, { model, managerAddr: `tcp:127.0.0.1:${listenerPort(app)}`, minBackoff: 1, maxBackoff: 2 }),
    behaviour: { applyDelayMs: 100, backoffUnitMs: 100, upgradeStepMs: 100, bootTimeMs: 300, ...behaviour },
    scheduler,
  });
  await device.start();
  return {
    device,
    stop: async () => {
      await device.stop();
      scheduler.close();
    },
  };
}

/** Waits for the serial to be listed connected, then claims it; returns the node id. */
export async function claimWhenConnected(app: TestApp, root: string, admin: string, locationId: string, serial: string): Promise<string> {
  await until(`${serial} connected`, async () => {
    const list = expectData(await gql<{ unclaimedNodes: { serial: string; connected: boolean }[] }>(app, `query { unclaimedNodes { serial connected } }`, {}, root)).unclaimedNodes;
    return list.some((n) => n.serial === serial && n.connected);
  });
  return expectData(await gql<{ claimNode: { id: string } }>(app, CLAIM_NODE, { locationId, serial }, admin)).claimNode.id;
}
