import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { WifiNetworksModule } from '../wifi-networks/wifi-networks.module';
import { CustomerLocationsResolver } from './customer-locations.resolver';
import { LocationLookupsResolver } from './location-lookups.resolver';
import { Location } from './location.entity';
import { LocationsResolver } from './locations.resolver';
import { LocationsService } from './locations.service';

@Module({
  imports: [TypeOrmModule.forFeature([Location]), AuditModule, IdempotencyModule, WifiNetworksModule],
  providers: [LocationsService, LocationsResolver, CustomerLocationsResolver, LocationLookupsResolver],
  exports: [LocationsService],
})
export class LocationsModule {}
