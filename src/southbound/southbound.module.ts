// The only module that talks OVSDB: devices dial in here (OvsdbListener) and are identified.
// Configuration comes from APP_CONFIG (config.ovsdb), provided globally by ConfigModule.

import { Module } from '@nestjs/common';
import { SouthboundService } from './southbound.service';

@Module({
  providers: [SouthboundService],
  exports: [SouthboundService],
})
export class SouthboundModule {}
