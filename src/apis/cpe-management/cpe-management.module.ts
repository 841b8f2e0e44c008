// The CPE Management REST API (/cpe-management/v0, docs/cpe-management.md): a face of the
// provisioning domain for API clients holding OAuth access tokens (src/oauth).

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Location } from '../../locations/location.entity';
import { Node } from '../../nodes/node.entity';
import { WifiNetwork } from '../../wifi-networks/wifi-network.entity';
import { CpeNetworksController } from './cpe-networks.controller';
import { CpeNetworksService } from './cpe-networks.service';
import { CpeOpenApiController } from './cpe-openapi.controller';
import { CpeSitesController } from './cpe-sites.controller';
import { CpeSitesService } from './cpe-sites.service';

@Module({
  imports: [TypeOrmModule.forFeature([Location, Node, WifiNetwork])],
  controllers: [CpeSitesController, CpeNetworksController, CpeOpenApiController],
  providers: [CpeSitesService, CpeNetworksService],
})
export class CpeManagementModule {}
