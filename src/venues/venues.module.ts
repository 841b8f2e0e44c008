// Venues and personal WiFi keys (multi-PSK): venues with units and common areas, key pools
// on shared networks, personal keys of subscribers. The reconciler reads the keys through a
// source registered here and carries them in wpa_psks; clients of retired keys are kicked.

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ClientsModule } from '../clients/clients.module';
import { ReconcilerModule } from '../reconciler/reconciler.module';
import { WifiNetworksModule } from '../wifi-networks/wifi-networks.module';
import { KeyPool, KeyPoolNetwork } from './key-pool.entity';
import { PersonalKey } from './personal-key.entity';
import { PersonalKeySourceService } from './personal-key-source';
import { PoolIndex } from './pool-index';
import { VenueChangesService } from './venue-changes.service';
import { ScratchCardBatch } from './scratch-card-batch.entity';
import { KeyPoolScratchCardsResolver, ScratchCardsResolver } from './scratch-cards.resolver';
import { ScratchCardsService } from './scratch-cards.service';
import { PersonalKeysResolver } from './personal-keys.resolver';
import { PersonalKeysService } from './personal-keys.service';
import { RetiredKeyKicks } from './retired-key-kicks';
import { ResidentController } from './resident/resident.controller';
import { ResidentService } from './resident/resident.service';
import './resident/resident-scope';
import { Venue, VenueUnit } from './venue.entity';
import { VenuePeopleResolver } from './venue-people.resolver';
import { VenuePeopleService } from './venue-people.service';
import { VenuePlacement } from './venue-placement';
import { UserVenue, VenueResident } from './venue-roles.entity';
import { KeyPoolsResolver, VenuesResolver } from './venues.resolver';
import { VenuesService } from './venues.service';

@Module({
  imports: [TypeOrmModule.forFeature([Venue, VenueUnit, KeyPool, KeyPoolNetwork, PersonalKey, ScratchCardBatch, UserVenue, VenueResident]), AuditModule, ReconcilerModule, ClientsModule, WifiNetworksModule],
  controllers: [ResidentController],
  providers: [PoolIndex, VenueChangesService, ScratchCardsService, ScratchCardsResolver, KeyPoolScratchCardsResolver, VenuesService, PersonalKeysService, PersonalKeySourceService, RetiredKeyKicks, VenuesResolver, KeyPoolsResolver, PersonalKeysResolver, VenuePlacement, VenuePeopleService, VenuePeopleResolver, ResidentService],
})
export class VenuesModule {}
