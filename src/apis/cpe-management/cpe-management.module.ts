// The CPE Management REST API (/cpe-management/v0, docs/cpe-management.md): a face of the
// provisioning domain for API clients holding OAuth access tokens (src/oauth).

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { registerRouteErrorFilter } from '../../common/errors/route-error-filters';
import { Location } from '../../locations/location.entity';
import { Node } from '../../nodes/node.entity';
import { WifiNetwork } from '../../wifi-networks/wifi-network.entity';
import { CpeNetworksController } from './cpe-networks.controller';
import { CpeNetworksService } from './cpe-networks.service';
import { CpePlacementController } from './cpe-placement.controller';
import { CpeNetworkOwner } from './network-owner.entity';
import { CpeNetworkMember } from './network-member.entity';
import { NetworkPlacementService } from './network-placement.service';
import { CpeOpenApiController } from './cpe-openapi.controller';
import { CpeSitesController } from './cpe-sites.controller';
import { CpeSitesService } from './cpe-sites.service';
import { OperationsModule } from '../../operations/operations.module';
import { WifiNetworksModule } from '../../wifi-networks/wifi-networks.module';
import { CpeRebootsController } from './reboots/cpe-reboots.controller';
import { CpeRebootsService } from './reboots/cpe-reboots.service';
import { CpeRebootRequest } from './reboots/reboot-request.entity';
import { ApiErrorFilter } from '../../oauth/bearer/api-error.filter';
import { CPE_BASE_PATH } from './cpe-paths';
import { AuditEvent } from '../../audit/audit-event.entity';
import { NetworkAuthorsService } from './network-authors';
import { CpeDeviceViews } from './device-views.service';

// Bodies refused before a route runs (no JSON) answer ErrorInfo too.
registerRouteErrorFilter(`/${CPE_BASE_PATH}`, new ApiErrorFilter());

@Module({
  imports: [TypeOrmModule.forFeature([Location, Node, WifiNetwork, CpeRebootRequest, CpeNetworkOwner, CpeNetworkMember, AuditEvent]), OperationsModule, WifiNetworksModule],
  controllers: [CpeSitesController, CpeNetworksController, CpePlacementController, CpeRebootsController, CpeOpenApiController],
  providers: [CpeSitesService, CpeNetworksService, CpeDeviceViews, NetworkPlacementService, CpeRebootsService, NetworkAuthorsService],
})
export class CpeManagementModule {}
