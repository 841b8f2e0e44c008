// /resident/v0: the residents' own REST face, for a resident's app that signed the resident in
// with their customer credentials (OAuth authorization code, scope `resident`; docs/venues.md).
// Thin: who the resident is, then the venue services. Another resident's key or device is
// NOT_FOUND; errors are ErrorInfo ({status, code, message}) like the other REST APIs.

import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiPrincipal } from '../../oauth/api-principal';
import { CurrentApiPrincipal, RequireScopes } from '../../oauth/bearer/require-scopes.decorator';
import { RESIDENT_SCOPE } from './resident-scope';
import { ResidentDeviceView, ResidentKeyView, ResidentService } from './resident.service';

/** A JSON object's field, or undefined (the body is read field by field, by the service's checks). */
function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;
}

@Controller('resident/v0')
@RequireScopes(RESIDENT_SCOPE)
export class ResidentController {
  constructor(private readonly residents: ResidentService) {}

  @Get('keys')
  async keys(@CurrentApiPrincipal() api: ApiPrincipal): Promise<ResidentKeyView[]> {
    return this.residents.ownKeys(await this.residents.residentOf(api));
  }

  @Post('keys/:keyId/rotate')
  @HttpCode(200)
  async rotate(@CurrentApiPrincipal() api: ApiPrincipal, @Param('keyId') keyId: string): Promise<ResidentKeyView> {
    return this.residents.rotate(await this.residents.residentOf(api), keyId);
  }

  @Post('keys/:keyId/guest-keys')
  async guestKey(@CurrentApiPrincipal() api: ApiPrincipal, @Param('keyId') keyId: string, @Body() body: unknown): Promise<ResidentKeyView> {
    return this.residents.guestKey(await this.residents.residentOf(api), keyId, field(body, 'validForHours'));
  }

  @Get('devices')
  async devices(@CurrentApiPrincipal() api: ApiPrincipal): Promise<ResidentDeviceView[]> {
    return this.residents.ownDevices(await this.residents.residentOf(api));
  }

  @Put('devices/:locationId/:mac')
  async rename(@CurrentApiPrincipal() api: ApiPrincipal, @Param('locationId') locationId: string, @Param('mac') mac: string, @Body() body: unknown): Promise<ResidentDeviceView> {
    return this.residents.renameDevice(await this.residents.residentOf(api), locationId, mac, field(body, 'nickname') ?? null);
  }

  @Delete('devices/:locationId/:mac')
  @HttpCode(204)
  async forget(@CurrentApiPrincipal() api: ApiPrincipal, @Param('locationId') locationId: string, @Param('mac') mac: string): Promise<void> {
    await this.residents.forgetDevice(await this.residents.residentOf(api), locationId, mac);
  }
}
