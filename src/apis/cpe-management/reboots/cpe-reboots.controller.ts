// /reboot-requests: POST and PATCH (bodies checked with ajv), GET list, GET one, DELETE (cancel).

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiPrincipal } from '../../../oauth/api-principal';
import { CurrentApiPrincipal, RequireScopes } from '../../../oauth/bearer/require-scopes.decorator';
import { CPE_SCOPES as S } from '../../../oauth/oauth-scopes';
import { bodyValidator } from '../body-validation';
import { CPE_BASE_PATH } from '../cpe-paths';
import { CpeRebootsService, RebootRequestView } from './cpe-reboots.service';
import { REBOOT_REQUEST_CREATE_SCHEMA, REBOOT_REQUEST_UPDATE_SCHEMA, RebootRequestCreate, RebootRequestUpdate } from './reboot-schemas';

const validateCreate = bodyValidator<RebootRequestCreate>(REBOOT_REQUEST_CREATE_SCHEMA);
const validateUpdate = bodyValidator<RebootRequestUpdate>(REBOOT_REQUEST_UPDATE_SCHEMA);

@Controller(`${CPE_BASE_PATH}/reboot-requests`)
export class CpeRebootsController {
  constructor(private readonly reboots: CpeRebootsService) {}

  @Post()
  @HttpCode(201)
  @RequireScopes(S.REBOOTS_WRITE)
  create(@CurrentApiPrincipal() principal: ApiPrincipal, @Body() body: unknown): Promise<RebootRequestView> {
    return this.reboots.create(principal, validateCreate(body));
  }

  @Get()
  @RequireScopes(S.REBOOTS_READ)
  list(@CurrentApiPrincipal() principal: ApiPrincipal): Promise<RebootRequestView[]> {
    return this.reboots.list(principal);
  }

  @Get(':rebootId')
  @RequireScopes(S.REBOOTS_READ)
  one(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('rebootId') id: string): Promise<RebootRequestView> {
    return this.reboots.one(principal, id);
  }

  @Patch(':rebootId')
  @RequireScopes(S.REBOOTS_WRITE)
  update(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('rebootId') id: string, @Body() body: unknown): Promise<RebootRequestView> {
    return this.reboots.update(principal, id, validateUpdate(body));
  }

  @Delete(':rebootId')
  @HttpCode(204)
  @RequireScopes(S.REBOOTS_WRITE)
  async cancel(@CurrentApiPrincipal() principal: ApiPrincipal, @Param('rebootId') id: string): Promise<void> {
    await this.reboots.cancel(principal, id);
  }
}
