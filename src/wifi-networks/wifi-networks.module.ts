import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { WifiNetwork } from './wifi-network.entity';
import { WifiNetworksResolver } from './wifi-networks.resolver';
import { WifiNetworksService } from './wifi-networks.service';

@Module({
  imports: [TypeOrmModule.forFeature([WifiNetwork]), AuditModule, IdempotencyModule],
  providers: [WifiNetworksService, WifiNetworksResolver],
  exports: [WifiNetworksService],
})
export class WifiNetworksModule {}
