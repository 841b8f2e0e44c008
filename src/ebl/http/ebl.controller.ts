// REST /ebl for service providers (the spec's registration API) and their deliveries.
// Thin: the caller comes from the guard, bodies are validated by the registration rules in
// the service, answers are the spec's JSON. Not behind the user JWT (PUBLIC for the global
// guard): EblCallerGuard authenticates the API client instead.

import { Body, Controller, Delete, Get, HttpCode, Post, Query, Req, UseFilters, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { AppError } from '../../common/errors/app-error';
import { MacWire, macWire, VendorIdWire, vendorIdWire } from '../domain/registration-wire';
import { EblOutboxService } from '../delivery/ebl-outbox.service';
import { EblRegistrationsService } from '../registrations/ebl-registrations.service';
import { DeliveryStatus } from '../store/ebl-delivery.entities';
import type { EblCaller } from './ebl-caller';
import { CurrentEblCaller, EblCallerGuard } from './ebl-caller.guard';
import { EblExceptionFilter } from './ebl-exception.filter';
import { DeliveryWire, deliveryWire } from './delivery-wire';
import { readGetBody } from './get-body';

const STATUSES: readonly DeliveryStatus[] = ['PENDING', 'DELIVERED', 'FAILED'];

@Controller('ebl')
@RequirePermission(Permission.PUBLIC)
@UseGuards(EblCallerGuard)
@UseFilters(EblExceptionFilter)
export class EblController {
  constructor(
    private readonly registrations: EblRegistrationsService,
    private readonly outbox: EblOutboxService,
  ) {}

  @Post('vendorids')
  @HttpCode(201)
  async registerVendorIds(@CurrentEblCaller() caller: EblCaller, @Body() body: unknown): Promise<{ vendorids: VendorIdWire[] }> {
    return { vendorids: (await this.registrations.registerVendorIds(caller, body)).map(vendorIdWire) };
  }

  @Delete('vendorids')
  @HttpCode(200)
  async unregisterVendorIds(@CurrentEblCaller() caller: EblCaller, @Body() body: unknown): Promise<{ vendorids: VendorIdWire[] }> {
    return { vendorids: (await this.registrations.unregisterVendorIds(caller, body)).map(vendorIdWire) };
  }

  @Get('vendorids')
  async listVendorIds(@CurrentEblCaller() caller: EblCaller, @Req() request: FastifyRequest): Promise<{ vendorids: VendorIdWire[] }> {
    return { vendorids: (await this.registrations.listVendorIds(caller, await readGetBody(request))).map(vendorIdWire) };
  }

  @Post('mac-addresses')
  @HttpCode(201)
  async registerMacs(@CurrentEblCaller() caller: EblCaller, @Body() body: unknown): Promise<{ macs: MacWire[] }> {
    return { macs: (await this.registrations.registerMacs(caller, body)).map(macWire) };
  }

  @Delete('mac-addresses')
  @HttpCode(200)
  async unregisterMacs(@CurrentEblCaller() caller: EblCaller, @Body() body: unknown): Promise<{ macs: MacWire[] }> {
    return { macs: (await this.registrations.unregisterMacs(caller, body)).map(macWire) };
  }

  @Get('mac-addresses')
  async listMacs(@CurrentEblCaller() caller: EblCaller, @Req() request: FastifyRequest): Promise<{ macs: MacWire[] }> {
    return { macs: (await this.registrations.listMacs(caller, await readGetBody(request))).map(macWire) };
  }

  /** The caller's notifications, newest first, with every attempt. */
  @Get('deliveries')
  async deliveries(@CurrentEblCaller() caller: EblCaller, @Query('status') status?: string, @Query('limit') limit?: string): Promise<{ deliveries: DeliveryWire[] }> {
    const providerId = await this.registrations.providerIdOf(caller);
    if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) {
      throw AppError.validation([{ field: 'status', message: `one of ${STATUSES.join(', ')}` }]);
    }
    const n = limit === undefined ? 100 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 500) throw AppError.validation([{ field: 'limit', message: 'a whole number from 1 to 500' }]);
    const list = await this.outbox.list(providerId, (status as DeliveryStatus | undefined) ?? null, n);
    return { deliveries: list.map(deliveryWire) };
  }
}
