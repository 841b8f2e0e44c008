// The CLIENT_KICK executor (docs/decisions/device-operations.md, "Client kick"): the ACL kick
// of operations.md section 4. The node's block (the client's MAC blacklisted on every
// controller-owned VIF until the block ends) is recorded durably after SENDING and becomes
// desired VIF state the reconciler sends; OneWifi's ow_acl_kick then deauthenticates the
// client, and its Wifi_Associated_Clients row goes. The node SUCCEEDS when ClientsService
// reports that disconnect, FAILS with CLIENT_STILL_CONNECTED when the wait ends with the
// client still there, NODE_OFFLINE when the device is not connected in time, and SUCCEEDS
// with a detail starting "NOT_CONNECTED:" when the client was not on the node at its turn
// (the block still keeps it from joining there: a location kick blocks every node).

import { Inject, Injectable } from '@nestjs/common';
import { filter, Subscription } from 'rxjs';
import { ClientsService } from '../../clients/live/clients.service';
import { DeviceConnection } from '../../reconciler/sessions/device-connection';
import { DeviceConnectionsService } from '../../reconciler/sessions/device-connections.service';
import { TargetFailure, TargetState } from '../operation-states';
import { OPERATIONS_CONFIG, OperationsConfig } from '../operations-config';
import { OperationExecutor, TargetHandle } from '../runner/target-handle';
import { TargetEvent } from '../target-state-machine';
import { ClientBlocksService } from './client-blocks.service';

/** The Wifi_VIF_Config columns an ACL kick writes. */
const ACL_COLUMNS = ['mac_list', 'mac_list_type'];

@Injectable()
export class ClientKickExecutor implements OperationExecutor {
  constructor(
    @Inject(OPERATIONS_CONFIG) private readonly config: OperationsConfig,
    private readonly clients: ClientsService,
    private readonly connections: DeviceConnectionsService,
    private readonly blocks: ClientBlocksService,
  ) {}

  /** A kick is immediate or not at all: a node offline at its turn is not waited for long. */
  get deviceWaitMs(): number {
    return this.config.kickDeviceWaitMs;
  }

  async connected(target: TargetHandle, connection: DeviceConnection): Promise<void> {
    if (connection.session.isClosed) return;
    switch (target.row.state) {
      case TargetState.WAITING_FOR_DEVICE:
        return this.send(target, connection);
      case TargetState.SENDING:
        // A restart between SENDING and the block's row: recording the block again is harmless.
        await this.record(target);
        if (await target.apply({ type: 'ACCEPTED' })) this.watch(target, connection);
        return;
      case TargetState.SENT:
        // Back after a dropped session or a restart: the block is still desired state.
        this.watch(target, connection);
        return;
      default:
        return;
    }
  }

  /** The node's deadline: judged on what is known now, never a bare TIMED_OUT. */
  deadline(target: TargetHandle): TargetEvent {
    const { state, nodeId } = target.row;
    if (state === TargetState.WAITING_FOR_DEVICE) {
      return { type: 'REFUSED', code: TargetFailure.NODE_OFFLINE, detail: 'the node was not connected to the controller' };
    }
    const mac = macOf(target);
    if (this.connections.forNode(nodeId) === undefined) {
      return { type: 'DEVICE_FAILED', code: TargetFailure.NODE_OFFLINE, detail: 'the node went offline before the client was seen leaving' };
    }
    if (this.clients.isConnected(nodeId, mac)) {
      const seconds = Math.round((Date.now() - target.row.updatedAt.getTime()) / 1000);
      return { type: 'DEVICE_FAILED', code: TargetFailure.CLIENT_STILL_CONNECTED, detail: `${mac} was still associated ${seconds} s after the block was sent` };
    }
    return { type: 'RECEIVED', detail: `${mac} is no longer associated` };
  }

  /** A dropped session changes nothing: the block stays desired state; the deadline judges. */
  disconnected(): TargetEvent | null {
    return null;
  }

  private async send(target: TargetHandle, connection: DeviceConnection): Promise<void> {
    const missing = ACL_COLUMNS.filter((c) => !connection.caps.vifConfigColumns.has(c));
    if (missing.length > 0) {
      await target.apply({ type: 'REFUSED', code: TargetFailure.KICK_UNSUPPORTED, detail: `the device's Wifi_VIF_Config has no ${missing.join(', ')}` });
      return;
    }
    const mac = macOf(target);
    const blockMs = (target.operation.params.blockForSeconds ?? this.config.kickBlockSeconds) * 1000;
    const now = Date.now();
    const wasConnected = this.clients.isConnected(target.row.nodeId, mac);
    const attempt = { blockedUntil: now + blockMs, clientWasConnected: wasConnected };
    const deadlineAt = new Date(now + Math.min(this.config.kickTimeoutMs, blockMs));
    if (!(await target.apply({ type: 'SEND' }, { attempt, deadlineAt }))) return;
    // Watching before the block goes out: the disconnect cannot be missed.
    if (wasConnected) this.watch(target, connection);
    await this.record(target);
    if (!(await target.apply({ type: 'ACCEPTED' })) || wasConnected) return;
    await target.apply({ type: 'RECEIVED', detail: `NOT_CONNECTED: ${mac} was not associated to this node; blocked here for ${blockMs / 1000} s` });
  }

  private async record(target: TargetHandle): Promise<void> {
    const until = target.row.attempt?.blockedUntil ?? Date.now() + this.config.kickBlockSeconds * 1000;
    await this.blocks.block(target.row.id, target.row.nodeId, macOf(target), new Date(until));
  }

  /** SUCCEEDED when the client's association row goes while this session lives (not with the session). */
  private watch(target: TargetHandle, connection: DeviceConnection): void {
    const mac = macOf(target);
    const subscription: Subscription = this.clients.events$
      .pipe(filter((e) => e.kind === 'disconnected' && e.nodeId === target.row.nodeId && e.mac === mac))
      .subscribe(() => {
        if (connection.session.isClosed || this.connections.forNode(target.row.nodeId) !== connection) return;
        target.fromEvent(async (handle) => {
          await handle.apply({ type: 'RECEIVED', detail: `${mac} left: its Wifi_Associated_Clients row was deleted` });
        });
      });
    target.watching(() => subscription.unsubscribe());
  }
}

function macOf(target: TargetHandle): string {
  return target.operation.params.mac ?? '';
}
