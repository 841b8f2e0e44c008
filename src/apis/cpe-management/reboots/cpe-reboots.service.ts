// Reboot requests: a REBOOT operation of src/operations over every node of each device's
// location (a device is the location's nodes), started at `atTime` or at once. The API
// client acts in the operation and the audit trail as `api-client:<client_id>`; clients see
// and cancel only the requests they created for their owner.

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Principal, Role } from '../../../common/auth/principal';
import { AppError, ErrorCode } from '../../../common/errors/app-error';
import { ApiPrincipal } from '../../../oauth/api-principal';
import { ApiError, ApiErrorCode } from '../../../oauth/bearer/api-error';
import { CPE_SCOPES as S } from '../../../oauth/oauth-scopes';
import { OperationsService } from '../../../operations/operations.service';
import { CpeNetworksService } from '../cpe-networks.service';
import { CpeSitesService } from '../cpe-sites.service';
import { ownerScopeOf } from '../owner-scope';
import { CpeRebootRequest } from './reboot-request.entity';
import { RebootRequestCreate, RebootRequestUpdate } from './reboot-schemas';

export interface RebootRequestView {
  id: string;
  devices: string[];
  message?: string;
  atTime?: string;
  createdAt: string;
  createdBy: string;
  modifiedAt: string;
  modifiedBy: string;
}

export function actingPrincipal(p: ApiPrincipal): Principal {
  return { userId: p.apiClientId, email: `api-client:${p.clientId}`, role: Role.GROUP_ADMIN, groupIds: [p.groupId] };
}

@Injectable()
export class CpeRebootsService {
  constructor(
    @InjectRepository(CpeRebootRequest) private readonly requests: Repository<CpeRebootRequest>,
    private readonly operations: OperationsService,
    private readonly sites: CpeSitesService,
    private readonly networks: CpeNetworksService,
  ) {}

  async create(principal: ApiPrincipal, body: RebootRequestCreate): Promise<RebootRequestView> {
    const scope = ownerScopeOf(principal);
    const atTime = body.atTime === undefined ? null : new Date(body.atTime);
    if (atTime !== null && atTime.getTime() < Date.now()) throw ApiError.invalidArgument('atTime is in the past');
    let devices: { deviceId: string; locationId: string }[];
    if (body.devices === undefined) {
      await this.networks.requireDefaultDevice(scope);
      const [site] = (await this.sites.sites(scope, {}, true)).items;
      devices = [{ deviceId: site.gateway!.id, locationId: site.location.id }];
    } else {
      if (!principal.scopes.has(S.DEVICES_READ)) throw ApiError.permissionDenied(`naming devices requires the scope ${S.DEVICES_READ}`);
      devices = [];
      for (const id of body.devices) {
        const found = await this.sites.device(scope, id).catch(() => undefined);
        if (found === undefined) throw ApiError.invalidArgument(`unknown device: ${id}`);
        devices.push({ deviceId: id, locationId: found.location.id });
      }
    }
    const operation = await this.operations.createReboot(actingPrincipal(principal), {
      targets: { locationIds: [...new Set(devices.map((d) => d.locationId))] },
      ...(atTime !== null ? { startAt: atTime } : {}),
    });
    const now = new Date();
    const row = await this.requests.save(
      this.requests.create({
        id: operation.id,
        apiClientId: principal.apiClientId,
        groupId: principal.groupId,
        customerId: scope.customerId ?? null,
        deviceIds: devices.map((d) => d.deviceId),
        message: body.message ?? null,
        atTime,
        createdAt: now,
        modifiedAt: now,
      }),
    );
    return this.view(row, principal);
  }

  async list(principal: ApiPrincipal): Promise<RebootRequestView[]> {
    const rows = await this.requests.find({ where: this.mine(principal), order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((row) => this.view(row, principal));
  }

  async one(principal: ApiPrincipal, id: string): Promise<RebootRequestView> {
    return this.view(await this.find(principal, id), principal);
  }

  /** A new message, and/or a new time for a reboot that has not started (409 once it has). */
  async update(principal: ApiPrincipal, id: string, body: RebootRequestUpdate): Promise<RebootRequestView> {
    const row = await this.find(principal, id);
    if (body.atTime !== undefined) {
      const atTime = new Date(body.atTime);
      if (atTime.getTime() < Date.now()) throw ApiError.invalidArgument('atTime is in the past');
      try {
        await this.operations.reschedule(actingPrincipal(principal), row.id, { startAt: atTime });
      } catch (error) {
        if (error instanceof AppError && error.code === ErrorCode.PRECONDITION_FAILED) {
          throw new ApiError(409, ApiErrorCode.CONFLICT, `reboot request ${id} has started and cannot be moved`);
        }
        throw error;
      }
      row.atTime = atTime;
    }
    if (body.message !== undefined) row.message = body.message;
    row.modifiedAt = new Date();
    return this.view(await this.requests.save(row), principal);
  }

  /** Cancels the reboot (if it has not run) and forgets the request. */
  async cancel(principal: ApiPrincipal, id: string): Promise<void> {
    const row = await this.find(principal, id);
    try {
      await this.operations.cancel(actingPrincipal(principal), row.id);
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.PRECONDITION_FAILED) {
        throw new ApiError(409, ApiErrorCode.CONFLICT, `reboot request ${id} has already run and cannot be cancelled`);
      }
      throw error;
    }
    await this.requests.delete({ id: row.id });
  }

  private mine(principal: ApiPrincipal): { apiClientId: string; customerId?: string } {
    const scope = ownerScopeOf(principal);
    return { apiClientId: principal.apiClientId, ...(scope.customerId ? { customerId: scope.customerId } : {}) };
  }

  private async find(principal: ApiPrincipal, id: string): Promise<CpeRebootRequest> {
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await this.requests.findOneBy({ id, ...this.mine(principal) }) : null;
    if (row === null) throw ApiError.notFound(`reboot request ${id} not found`);
    return row;
  }

  private view(row: CpeRebootRequest, principal: ApiPrincipal): RebootRequestView {
    return {
      id: row.id,
      devices: row.deviceIds,
      ...(row.message !== null ? { message: row.message } : {}),
      ...(row.atTime !== null ? { atTime: row.atTime.toISOString() } : {}),
      createdAt: row.createdAt.toISOString(),
      createdBy: principal.clientId,
      modifiedAt: row.modifiedAt.toISOString(),
      modifiedBy: principal.clientId,
    };
  }
}
