// Device operations over GraphQL: create a reboot, read one (progress counts, per-node
// cursor connection), list with filters, cancel, pause, resume, and a progress subscription
// that checks access again before every push.

import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { auditTime, concatMap, filter, startWith } from 'rxjs';
import { Authenticator } from '../../common/auth/authenticator';
import { CurrentPrincipal } from '../../common/auth/current-principal.decorator';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { Principal } from '../../common/auth/principal';
import { RequestContext } from '../../common/auth/request-context';
import { observableIterator } from '../../reconciler/graphql/observable-iterator';
import { DeviceOperation } from '../device-operation.entity';
import { CreateFirmwareUpgradeInput, CreateRebootInput, RescheduleInput } from '../dto/create-reboot.input';
import { DeviceOperationConnection, DeviceOperationProgress, DeviceOperationStateCount, DeviceOperationTargetConnection } from '../dto/operation.types';
import { DeviceOperationsArgs, OperationTargetsArgs } from '../dto/operations.args';
import { CreateClientKickInput } from '../kick/create-client-kick.input';
import { OperationsService } from '../operations.service';
import { OperationsRunner } from '../runner/operations-runner.service';

/** At most one progress message per operation per this many ms (a wave changes many nodes at once). */
const PROGRESS_EVERY_MS = 250;

@Resolver(() => DeviceOperation)
export class OperationsResolver {
  constructor(
    private readonly operations: OperationsService,
    private readonly runner: OperationsRunner,
    private readonly authenticator: Authenticator,
  ) {}

  @Mutation(() => DeviceOperation, { description: 'Reboots nodes, now or at a time; observed to completion per node.' })
  @RequirePermission(Permission.SUPPORT_TOOLS)
  createRebootOperation(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'Targets, start and waves.' }) input: CreateRebootInput): Promise<DeviceOperation> {
    return this.operations.createReboot(principal, input);
  }

  @Mutation(() => DeviceOperation, {
    description: 'Installs a catalogue version (upgrade or downgrade) in waves; SUCCEEDED when the node is back on that version.',
  })
  @RequirePermission(Permission.SUPPORT_TOOLS)
  createFirmwareOperation(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'Targets, start, waves, version and canary threshold.' }) input: CreateFirmwareUpgradeInput): Promise<DeviceOperation> {
    return this.operations.createFirmwareUpgrade(principal, input);
  }

  @Mutation(() => DeviceOperation, {
    description: 'Asks nodes to upload their logs to the controller; each target then offers logArchiveUrl.',
  })
  @RequirePermission(Permission.SUPPORT_TOOLS)
  createLogPullOperation(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'Targets, start and waves.' }) input: CreateRebootInput): Promise<DeviceOperation> {
    return this.operations.createLogPull(principal, input);
  }

  @Mutation(() => DeviceOperation, {
    description:
      'Kicks a client from nodes at once: its MAC is blacklisted on their VIFs for blockForSeconds, then let back in. A node SUCCEEDS when the client has left it.',
  })
  @RequirePermission(Permission.SUPPORT_TOOLS)
  createClientKickOperation(@CurrentPrincipal() principal: Principal, @Args('input', { description: 'Nodes or locations, the client and the block duration.' }) input: CreateClientKickInput): Promise<DeviceOperation> {
    return this.operations.createClientKick(principal, input);
  }

  @Query(() => DeviceOperation, { description: 'One operation of the caller\'s groups; NOT_FOUND otherwise.' })
  @RequirePermission(Permission.TENANT_READ)
  deviceOperation(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The operation.' }) id: string): Promise<DeviceOperation> {
    return this.operations.get(principal, id);
  }

  @Query(() => DeviceOperationConnection, { description: 'Newest first.' })
  @RequirePermission(Permission.TENANT_READ)
  deviceOperations(@CurrentPrincipal() principal: Principal, @Args() args: DeviceOperationsArgs): Promise<DeviceOperationConnection> {
    return this.operations.list(principal, args);
  }

  @Mutation(() => DeviceOperation, { description: 'Cancels the nodes not yet commanded; those already commanded finish.' })
  @RequirePermission(Permission.SUPPORT_TOOLS)
  cancelDeviceOperation(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The operation.' }) id: string): Promise<DeviceOperation> {
    return this.operations.cancel(principal, id);
  }

  @Mutation(() => DeviceOperation, { description: 'Moves the start of an operation that has not started yet.' })
  @RequirePermission(Permission.SUPPORT_TOOLS)
  rescheduleDeviceOperation(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID, description: 'The operation.' }) id: string,
    @Args('input', { description: 'The new start.' }) input: RescheduleInput,
  ): Promise<DeviceOperation> {
    return this.operations.reschedule(principal, id, input);
  }

  @Mutation(() => DeviceOperation, { description: 'Starts no further node until resumed.' })
  @RequirePermission(Permission.SUPPORT_TOOLS)
  pauseDeviceOperation(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The operation.' }) id: string): Promise<DeviceOperation> {
    return this.operations.pause(principal, id);
  }

  @Mutation(() => DeviceOperation, { description: 'Starts nodes again in a PAUSED operation.' })
  @RequirePermission(Permission.SUPPORT_TOOLS)
  resumeDeviceOperation(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID, description: 'The operation.' }) id: string): Promise<DeviceOperation> {
    return this.operations.resume(principal, id);
  }

  @ResolveField(() => String, { nullable: true, description: 'CLIENT_KICK: the MAC of the client kicked; null for other kinds.' })
  @RequirePermission(Permission.TENANT_READ)
  clientMac(@Parent() operation: DeviceOperation): string | null {
    return operation.params.mac ?? null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'CLIENT_KICK: seconds the client stays blocked on each node; null for other kinds.' })
  @RequirePermission(Permission.TENANT_READ)
  blockForSeconds(@Parent() operation: DeviceOperation): number | null {
    return operation.params.blockForSeconds ?? null;
  }

  @ResolveField(() => [DeviceOperationStateCount], { description: 'Nodes per state, counted in the database.' })
  @RequirePermission(Permission.TENANT_READ)
  progress(@Parent() operation: DeviceOperation): Promise<DeviceOperationStateCount[]> {
    return this.operations.progress(operation);
  }

  @ResolveField(() => DeviceOperationTargetConnection, { description: 'The nodes, in the order they are started.' })
  @RequirePermission(Permission.TENANT_READ)
  targets(@Parent() operation: DeviceOperation, @Args() args: OperationTargetsArgs): Promise<DeviceOperationTargetConnection> {
    return this.operations.targets(operation, args);
  }

  @Subscription(() => DeviceOperationProgress, {
    description: "The operation's progress now, then after changes (at most four a second).",
    resolve: (payload: DeviceOperationProgress) => payload,
  })
  @RequirePermission(Permission.TENANT_READ)
  async deviceOperationProgress(
    @CurrentPrincipal() principal: Principal,
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID, description: 'The operation.' }) id: string,
  ): Promise<AsyncIterableIterator<DeviceOperationProgress>> {
    await this.operations.get(principal, id);
    const updates = this.runner.progress$.pipe(
      filter((changed) => changed === id),
      auditTime(PROGRESS_EVERY_MS),
      startWith(id),
      concatMap(async () => {
        // Access is checked afresh: a user who lost it gets the error, which ends the subscription.
        const operation = await this.operations.get(await this.authenticator.principalOf(ctx), id);
        return { operationId: id, state: operation.state, counts: await this.operations.progress(operation) };
      }),
    );
    return observableIterator(updates);
  }
}
