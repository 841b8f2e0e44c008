// GET /cpe-management/v0/openapi.json: the API's own description, public.

import { Controller, Get, Header } from '@nestjs/common';
import { Permission, RequirePermission } from '../../common/auth/permission';
import { CPE_BASE_PATH } from './cpe-paths';
import { cpeOpenApiDocument } from './openapi-document';

@Controller(CPE_BASE_PATH)
export class CpeOpenApiController {
  private readonly document = cpeOpenApiDocument();

  @Get('openapi.json')
  @RequirePermission(Permission.PUBLIC)
  @Header('cache-control', 'public, max-age=300')
  openapi(): object {
    return this.document;
  }
}
